import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Button, Cell, CellGroup, Input } from '../../components/ui';
import { ROUTES } from '../../constants/routes';
import { PAGE_TITLES } from '../../constants/theme';
import { errorMessageZh, isApiError } from '../../services/api-error';
import {
  INVITATION_REQUIRED, devLogin, isLoggedIn, listDevPeople, loginWithWechat, wechatLoginAvailable, type TDevPerson,
} from '../../services/auth';
import './index.scss';

function goHome(): void {
  void Taro.reLaunch({ url: ROUTES.home });
}

export default function LoginPage() {
  const [devPeople, setDevPeople] = useState<TDevPerson[] | null | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needsInvitation, setNeedsInvitation] = useState(false);
  const [invitationCode, setInvitationCode] = useState('');

  useEffect(() => {
    if (isLoggedIn()) {
      goHome();
      return;
    }
    listDevPeople().then(setDevPeople, () => setDevPeople(null));
  }, []);

  async function onWechatLogin(): Promise<void> {
    setBusy('wechat');
    setError(null);
    try {
      await loginWithWechat(needsInvitation ? invitationCode : undefined);
      goHome();
    } catch (e) {
      if (isApiError(e) && e.code === INVITATION_REQUIRED) setNeedsInvitation(true);
      setError(errorMessageZh(e));
    } finally {
      setBusy(null);
    }
  }

  async function onDevLogin(person: TDevPerson): Promise<void> {
    setBusy(person.id);
    setError(null);
    try {
      await devLogin(person.id);
      goHome();
    } catch (e) {
      setError(errorMessageZh(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <PageShell title={PAGE_TITLES.login}>
      <View className='login-hero'>
        <Text className='login-hero__name'>听看</Text>
        <Text className='login-hero__slogan'>三会一课 · 巡听旁听 · 观察员</Text>
      </View>

      {error && <ErrorBlock message={error} />}

      {wechatLoginAvailable ? (
        <View className='page-actions'>
          {needsInvitation && (
            <View className='login-invitation'>
              <Text className='page-hint'>第一次登录需要机关党委办发给您的邀请码，请输入后再点“微信登录”。</Text>
              <Input
                className='login-invitation__input'
                placeholder='请输入邀请码'
                value={invitationCode}
                maxLength={32}
                onChange={(v: string) => setInvitationCode(v)}
              />
            </View>
          )}
          <Button
            type='primary'
            size='large'
            block
            loading={busy === 'wechat'}
            disabled={busy !== null || (needsInvitation && invitationCode.trim().length < 4)}
            onClick={() => void onWechatLogin()}
          >
            微信登录
          </Button>
        </View>
      ) : (
        <Text className='page-hint'>请在微信中打开“听看”小程序登录。</Text>
      )}

      {devPeople === undefined && <LoadingBlock text='正在检查演示登录…' />}
      {devPeople && devPeople.length > 0 && (
        <View className='page-section'>
          <CellGroup title='演示登录' description='演示环境：点一下即可以该身份登录'>
            {devPeople.map((p) => (
              <Cell
                key={p.id}
                title={p.name}
                description={p.label}
                extra={busy === p.id ? '正在登录…' : '登录'}
                clickable={busy === null}
                onClick={() => { if (busy === null) void onDevLogin(p); }}
              />
            ))}
          </CellGroup>
        </View>
      )}
    </PageShell>
  );
}
