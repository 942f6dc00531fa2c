import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TMe, TMeetingDetail, TObservationDetail, TRosterResponse } from '../../services/schemas';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, LoadingBlock } from '../../components/status-block';
import { Cell, CellGroup } from '../../components/ui';
import { formatSpanZh } from '../../components/format';
import { MEETING_KIND_ZH } from '../../constants/labels';
import { ROUTE_TO, ROUTES } from '../../constants/routes';
import { PAGE_TITLES } from '../../constants/theme';
import { errorMessageZh, isApiError } from '../../services/api-error';
import { fetchMe, isLoggedIn } from '../../services/auth';
import { fetchRoster } from '../../services/checkins';
import { fetchMeeting, fetchObservation } from '../../services/meetings';
import { HostPanel } from './host-panel';
import { MemberPanel } from './member-panel';
import { ObserverPanel } from './observer-panel';
import { rolesAt } from './meeting-logic';
import './index.scss';

/** The live roster is read again this often while the host's page is on screen (D6). */
const ROSTER_POLL_MS = 3000;

type Loaded = { me: TMe; detail: TMeetingDetail; observation: TObservationDetail | null };
type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Loaded };

export default function MeetingPage() {
  const id = useRouter().params.id ?? '';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [roster, setRoster] = useState<TRosterResponse | null>(null);
  const [visible, setVisible] = useState(true);

  const loadRoster = useCallback(async () => {
    try {
      setRoster(await fetchRoster(id));
    } catch {
      // An observer from outside the branch may not read the roster; the page works without it.
    }
  }, [id]);

  const load = useCallback(async () => {
    if (!isLoggedIn()) {
      void Taro.reLaunch({ url: ROUTES.login });
      return;
    }
    if (!id) {
      setState({ kind: 'error', message: '没有指定会议，请从“我的待办”进入' });
      return;
    }
    try {
      const [me, detail] = await Promise.all([fetchMe(), fetchMeeting(id)]);
      const observation = detail.observation ? await fetchObservation(detail.observation.id).catch(() => null) : null;
      await loadRoster();
      setState({ kind: 'ready', data: { me, detail, observation } });
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        void Taro.reLaunch({ url: ROUTES.login });
        return;
      }
      setState({ kind: 'error', message: errorMessageZh(e) });
    }
  }, [id, loadRoster]);

  useEffect(() => { void load(); }, [load]);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  const data = state.kind === 'ready' ? state.data : null;
  const roles = data ? rolesAt(data.me, data.detail.meeting, roster, data.observation) : null;
  const polling = visible && roles?.isHost === true && data?.detail.meeting.status !== 'cancelled';

  useEffect(() => {
    if (!polling) return;
    const t = setInterval(() => void loadRoster(), ROSTER_POLL_MS);
    return () => clearInterval(t);
  }, [polling, loadRoster]);

  if (state.kind === 'loading') return <PageShell title={PAGE_TITLES.meeting}><LoadingBlock text='正在加载会议…' /></PageShell>;
  if (state.kind === 'error' || !data || !roles) {
    return (
      <PageShell title={PAGE_TITLES.meeting}>
        <ErrorBlock message={state.kind === 'error' ? state.message : '会议加载失败'} onRetry={() => { setState({ kind: 'loading' }); void load(); }} />
      </PageShell>
    );
  }

  const m = data.detail.meeting;
  const cancelled = m.status === 'cancelled';
  const canVote = m.kind === 'general_meeting' || m.kind === 'committee_meeting';
  return (
    <PageShell title={PAGE_TITLES.meeting}>
      <Text className='page-title'>{m.topic}</Text>
      {cancelled && <Text className='page-hint meeting-cancelled'>本次会议已取消{m.cancelReason ? `：${m.cancelReason}` : ''}</Text>}
      <CellGroup>
        <Cell title='类型' extra={MEETING_KIND_ZH[m.kind]} />
        <Cell title='支部' extra={m.orgName} />
        <Cell title='时间' description={formatSpanZh(m.startsAt, m.endsAt)} />
        <Cell title='地点' description={m.place} />
        {m.hostName && <Cell title='主持人' extra={m.hostName} />}
        {m.lecturer && <Cell title='主讲人' extra={m.lecturer} />}
        <Cell title='议程' description={m.agenda.length > 0 ? m.agenda.map((a, i) => `${i + 1}. ${a}`).join('\n') : '暂未填写议程'} />
      </CellGroup>

      {roles.myRow && <MemberPanel meetingId={m.id} row={roles.myRow} cancelled={cancelled} onRoster={setRoster} />}
      {roles.isObserver && data.observation && <ObserverPanel observation={data.observation} myId={data.me.id} />}
      {roles.isHost && (
        <HostPanel meetingId={m.id} canVote={canVote} roster={roster} cancelled={cancelled}
          onChanged={() => void loadRoster()} onShowQr={() => void Taro.navigateTo({ url: ROUTE_TO.hostQr(m.id, m.topic) })} />
      )}
      {!roles.myRow && !roles.isObserver && !roles.isHost && (
        <Text className='page-hint'>您不在本次会议的应到名单中；如需参加，请联系支部书记。</Text>
      )}
      <View className='page-actions' />
    </PageShell>
  );
}
