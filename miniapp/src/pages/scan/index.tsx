import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TCheckinResponse } from '../../services/schemas';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Button, TextArea } from '../../components/ui';
import { ROUTE_TO, ROUTES } from '../../constants/routes';
import { PAGE_TITLES } from '../../constants/theme';
import { errorMessageZh } from '../../services/api-error';
import { isLoggedIn } from '../../services/auth';
import { checkIn, scanQrCode } from '../../services/checkins';
import { isWeapp } from '../../services/platform';
import { payloadFrom, resultHeadline } from './scan-logic';
import './index.scss';

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; result: TCheckinResponse }
  | { kind: 'error'; message: string };

export default function ScanPage() {
  const router = useRouter();
  const meetingId = router.params.meetingId;
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const started = useRef(false);

  async function send(text: string | null | undefined): Promise<void> {
    const payload = payloadFrom(text);
    if (!payload) {
      setState({ kind: 'error', message: '没有读到签到码，请对准会场屏幕上的二维码重新扫描，或粘贴签到链接' });
      return;
    }
    setState({ kind: 'checking' });
    try {
      setState({ kind: 'done', result: await checkIn(payload, meetingId) });
    } catch (e) {
      setState({ kind: 'error', message: errorMessageZh(e) });
    }
  }

  async function scan(): Promise<void> {
    const outcome = await scanQrCode();
    if (outcome.kind === 'code') await send(outcome.text);
  }

  // The h5 link form (…/pages/scan/index?qr=…) checks in as soon as it opens (D6).
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    if (router.params.qr) void send(router.params.qr);
  }, []);

  const again = isWeapp ? (
    <Button type='primary' size='xlarge' block className='scan-main' onClick={() => void scan()}>扫码签到</Button>
  ) : (
    <View className='scan-paste'>
      <Text className='page-hint'>在浏览器中无法调用相机：请粘贴会场签到码下方的链接或签到码，或直接打开该链接。</Text>
      <TextArea className='scan-paste__input' placeholder='粘贴签到链接或签到码' value={pasted} onChange={(v: string) => setPasted(v)} autoSize />
      <Button type='primary' size='xlarge' block className='scan-main' disabled={pasted.trim() === ''} onClick={() => void send(pasted)}>签到</Button>
    </View>
  );

  return (
    <PageShell title={PAGE_TITLES.scan}>
      {state.kind === 'checking' && <LoadingBlock text='正在签到…' />}
      {state.kind === 'done' && (() => {
        const h = resultHeadline(state.result);
        return (
          <View className={`scan-result ${state.result.already ? 'scan-result--already' : 'scan-result--ok'}`}>
            <Text className='scan-result__mark'>✓</Text>
            <Text className='scan-result__title'>{h.title}</Text>
            <Text className='scan-result__detail'>{h.detail}</Text>
            <View className='page-actions scan-result__actions'>
              <Button type='primary' size='large' block onClick={() => void Taro.redirectTo({ url: ROUTE_TO.meeting(state.result.meetingId) })}>查看会议</Button>
              <Button size='large' block onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>返回我的待办</Button>
            </View>
          </View>
        );
      })()}
      {state.kind === 'error' && <ErrorBlock message={state.message} />}
      {(state.kind === 'idle' || state.kind === 'error') && (
        <View className='page-actions'>
          {state.kind === 'idle' && <Text className='page-title'>请扫描会场屏幕上的签到二维码</Text>}
          {again}
        </View>
      )}
    </PageShell>
  );
}
