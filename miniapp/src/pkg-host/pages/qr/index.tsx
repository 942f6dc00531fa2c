import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TQrResponse, TRosterResponse } from '../../../services/schemas';
import { Button } from '../../../components/ui';
import { QrCode } from '../../../components/qr-code';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { errorMessageZh } from '../../../services/api-error';
import { fetchQr } from '../../../services/checkins';
import { PageShell } from '../../../components/page-shell';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchRoster } from '../../../services/checkins';
import { quorumSummary, secondsLeft } from '../../../pages/meeting/meeting-logic';
import './index.scss';

/** The live count under the code is read again this often while the page is on screen. */
const ROSTER_POLL_MS = 3000;

/**
 * The host's full-screen rotating code (D6): drawn on this device, fetched again when the server says
 * (refreshAfterMs), with the live count underneath so the host sees people arrive. A subpackage page:
 * the QR generator is downloaded only by hosts, which keeps the main package small.
 */
export default function QrPage() {
  const params = useRouter().params;
  const meetingId = params.id ?? '';
  const topic = params.topic ? decodeURIComponent(params.topic) : '';
  const [roster, setRoster] = useState<TRosterResponse | null>(null);
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  const loadRoster = useCallback(() => fetchRoster(meetingId).then(setRoster, () => undefined), [meetingId]);
  useEffect(() => {
    if (!visible) return;
    void loadRoster();
    const t = setInterval(() => void loadRoster(), ROSTER_POLL_MS);
    return () => clearInterval(t);
  }, [visible, loadRoster]);
  const [code, setCode] = useState<{ qr: TQrResponse; refreshAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const load = async () => {
      try {
        const qr = await fetchQr(meetingId);
        if (!alive) return;
        setCode({ qr, refreshAt: Date.now() + qr.refreshAfterMs });
        setError(null);
        timer = setTimeout(() => void load(), Math.max(1000, qr.refreshAfterMs));
      } catch (e) {
        if (alive) setError(errorMessageZh(e));
      }
    };
    if (visible) void load();
    return () => { alive = false; if (timer) clearTimeout(timer); };
  }, [meetingId, attempt, visible]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const summary = roster ? quorumSummary(roster) : null;
  return (
    <PageShell title={PAGE_TITLES.hostQr}>
    <View className='qr-overlay'>
      <Text className='qr-overlay__title'>{topic}</Text>
      <Text className='qr-overlay__hint'>请用“听看”小程序首页的“扫码签到”扫描</Text>
      {error ? <ErrorBlock message={error} onRetry={() => setAttempt((n) => n + 1)} retryText='重新获取签到码' />
        : code ? (
          <>
            <QrCode text={code.qr.url} />
            <Text className='qr-overlay__countdown'>签到码每 20 秒更换一次，{secondsLeft(code.refreshAt, now)} 秒后更新</Text>
          </>
        ) : <LoadingBlock text='正在生成签到码…' />}
      {summary && (
        <Text className={`qr-overlay__quorum ${summary.valid === false ? 'is-short' : ''}`}>{summary.line}</Text>
      )}
      <View className='qr-overlay__close'>
        <Button size='large' block onClick={() => void Taro.navigateBack()}>关闭签到码</Button>
      </View>
    </View>
    </PageShell>
  );
}
