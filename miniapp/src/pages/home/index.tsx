import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TMe, TTaskList } from '../../services/schemas';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Button, Cell, CellGroup, Empty } from '../../components/ui';
import { BRANCH_ROLE_ZH, MEMBER_STATUS_ZH, ORG_KIND_ZH } from '../../constants/labels';
import { BRANCH_ROUTE_TO, MEMBER_ROUTES, ROUTES } from '../../constants/routes';
import { PAGE_TITLES } from '../../constants/theme';
import { errorMessageZh, isApiError } from '../../services/api-error';
import { fetchMe, isLoggedIn, logout } from '../../services/auth';
import { fetchTasks } from '../../services/tasks';
import { remindMe } from '../../services/reminders';
import { buildTasks, leadsABranch, reminderKeys, reminderMessage } from './home-logic';
import './index.scss';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; me: TMe; list: TTaskList };

function toLogin(): void {
  void Taro.reLaunch({ url: ROUTES.login });
}

export default function HomePage() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [reminder, setReminder] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });

  const load = useCallback(async () => {
    if (!isLoggedIn()) {
      toLogin();
      return;
    }
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    try {
      const [me, list] = await Promise.all([fetchMe(), fetchTasks()]);
      setState({ kind: 'ready', me, list });
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        toLogin();
        return;
      }
      setState({ kind: 'error', message: errorMessageZh(e) });
    }
  }, []);

  useDidShow(() => { void load(); });
  usePullDownRefresh(() => { void load().finally(() => Taro.stopPullDownRefresh()); });

  if (state.kind === 'loading') return <PageShell title={PAGE_TITLES.home}><LoadingBlock /></PageShell>;
  if (state.kind === 'error') return <PageShell title={PAGE_TITLES.home}><ErrorBlock message={state.message} onRetry={() => void load()} /></PageShell>;

  const { me, list } = state;
  const tasks = buildTasks(list);
  const keys = reminderKeys(list);

  // 提醒我 (D9): WeChat asks for permission inside this tap; the template ids came with the list.
  async function onRemind(): Promise<void> {
    setReminder({ busy: true, message: null });
    try {
      setReminder({ busy: false, message: reminderMessage(await remindMe(keys, list.reminderTemplates)) });
    } catch (e) {
      setReminder({ busy: false, message: errorMessageZh(e) });
    }
  }
  const badges = [me.isOffice && '机关党委办', me.isObserver && '观察员'].filter(Boolean).join(' · ');
  return (
    <PageShell title={PAGE_TITLES.home}>
      <Text className='page-title'>{me.name}，您好</Text>
      {badges && <Text className='page-hint'>{badges}</Text>}

      <View className='page-actions'>
        <Button type='primary' size='xlarge' block className='home-scan' onClick={() => void Taro.navigateTo({ url: ROUTES.scan })}>
          扫码签到
        </Button>
      </View>

      <View className='page-section'>
        <CellGroup title='我的组织'>
          {me.memberships.length === 0 ? (
            <Cell title='还没有加入任何组织' description='请联系机关党委办核对您的组织关系。' />
          ) : (
            me.memberships.map((m) => (
              <Cell
                key={m.orgId}
                title={m.orgName}
                description={`${ORG_KIND_ZH[m.orgKind]} · ${MEMBER_STATUS_ZH[m.status]}`}
                extra={m.roles.length > 0 ? m.roles.map((r) => BRANCH_ROLE_ZH[r]).join('、') : undefined}
              />
            ))
          )}
        </CellGroup>
      </View>

      <View className='page-section'>
        <CellGroup title='待办事项'>
          {tasks.length > 0 ? tasks.map((t) => (
            <Cell
              key={t.key}
              className={`home-task home-task--${t.css}${t.overdue ? ' is-overdue' : ''}`}
              title={<View className='home-task__title'><Text className='home-task__label'>{t.label}</Text><Text>{t.title}</Text></View>}
              description={t.note ? `${t.due}\n${t.note}` : t.due}
              extra={t.url ? '打开' : undefined}
              clickable={t.url !== null}
              onClick={() => { if (t.url) void Taro.navigateTo({ url: t.url }); }}
            />
          )) : (
          <Empty
            className='home-empty'
            imageSize={64}
            image={<View className='home-empty__mark'>✓</View>}
            title='现在没有需要您处理的事项'
            description='有会议要参加、观察任务、评分表或整改事项到期时，会列在这里并写明截止日期。下拉本页可刷新。'
          />
          )}
        </CellGroup>
        {tasks.length > 0 && (keys.length > 0 || process.env.TARO_ENV !== 'weapp') && (
          <View className='page-actions home-remind'>
            <Button size='large' block loading={reminder.busy} disabled={reminder.busy} onClick={() => void onRemind()}>提醒我（到期前微信通知）</Button>
            {reminder.message && <Text className='page-hint home-remind__message'>{reminder.message}</Text>}
          </View>
        )}
      </View>

      <View className='page-section'>
        <CellGroup>
          <Cell className='home-link' title='我的参会与整改' description='参加过的会议、请假缺席情况和我负责的整改事项' clickable extra='查看'
            onClick={() => void Taro.navigateTo({ url: MEMBER_ROUTES.history })} />
          {leadsABranch(me) && (
            <Cell className='home-link' title='支部工作台' description='新建会议、年度计划、观摩方案、反馈与整改' clickable extra='进入'
              onClick={() => void Taro.navigateTo({ url: BRANCH_ROUTE_TO.workbench() })} />
          )}
        </CellGroup>
      </View>

      {me.isOffice && (
        <View className='page-section'>
          <CellGroup>
            <Cell
              title='机关党委办工作台'
              description='年度抽查、观察安排、截止事项、合规情况'
              clickable
              onClick={() => void Taro.navigateTo({ url: ROUTES.adminWorkbench })}
              extra='进入'
            />
          </CellGroup>
        </View>
      )}

      <View className='page-actions'>
        <Button size='large' block onClick={() => { logout(); toLogin(); }}>退出登录</Button>
      </View>
    </PageShell>
  );
}
