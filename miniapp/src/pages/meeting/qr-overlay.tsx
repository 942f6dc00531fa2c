import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { TQrResponse, TRosterResponse } from '../../services/schemas';
import { Button } from '../../components/ui';
import { QrCode } from '../../components/qr-code';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { errorMessageZh } from '../../services/api-error';
import { fetchQr } from '../../services/checkins';
import { quorumSummary, secondsLeft } from './meeting-logic';

/**
 * The host's full-screen rotating code (D6): drawn on this device, fetched again when the server says
 * (refreshAfterMs), with the live count underneath so the host sees people arrive.
 */
export function QrOverlay({ meetingId, topic, roster, onClose }: { meetingId: string; topic: string; roster: TRosterResponse | null; onClose: () => void }) {
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
    void load();
    return () => { alive = false; if (timer) clearTimeout(timer); };
  }, [meetingId, attempt]);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const summary = roster ? quorumSummary(roster) : null;
  return (
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
        <Button size='large' block onClick={onClose}>关闭签到码</Button>
      </View>
    </View>
  );
}
