import type { TCheckinResponse } from '../../services/schemas';
import { formatTimeZh } from '../../components/format';

/**
 * The code to send from what was scanned or pasted: the bare payload, or the h5 link form
 * (…/#/pages/scan/index?qr=<payload>) from which the payload is taken. Null when nothing usable.
 */
export function payloadFrom(text: string | undefined | null): string | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const m = /[?&]qr=([^&#\s]+)/.exec(t);
  if (m) {
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return m[1]!;
    }
  }
  return t;
}

/** The headline of a successful answer: 签到成功, or 已签到 with the first time (D6: not an error). */
export function resultHeadline(r: TCheckinResponse): { title: string; detail: string } {
  const at = formatTimeZh(r.checkedInAt);
  const who = r.as === 'observer' ? '观察员' : '参会';
  return r.already
    ? { title: `已签到（${at}）`, detail: r.messageZh }
    : { title: '签到成功', detail: `${who}签到时间 ${at}` };
}
