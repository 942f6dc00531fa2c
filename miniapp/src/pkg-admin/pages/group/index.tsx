import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { OBSERVATION_MODE_ZH } from '../../../constants/labels';
import { PAGE_TITLES } from '../../../constants/theme';
import { errorMessageZh, isApiError } from '../../../services/api-error';
import { fetchObservation } from '../../../services/meetings';
import { autoAssign, fetchGroup, searchPool, setGroup } from '../../../services/office/observations';
import type { TGroupView, TObserver } from '../../../services/office/schemas';
import { AdminPage, Loaded, Panel } from '../../components/admin-page';
import { formatWhenZh } from '../../components/dates';
import { useLoad } from '../../components/use-load';
import { Button, Checkbox, Input, Loading } from '../../components/ui';
import { meetingTitle, refusalText } from '../schedule/schedule-logic';
import { initialPicks, issuesByPerson, makeLeader, picksProblem, poolRows, toggle, type Pick } from './group-logic';
import './index.scss';

type Outcome = { ok: boolean; text: string; issues: Map<string, string> } | null;

function Members({ group }: { group: TGroupView }) {
  if (group.members.length === 0) return <Text className='admin-muted'>还没有观察小组。可按规则自动分组，或在下方从人员库中挑选。</Text>;
  return (
    <View>
      {group.members.map((m) => (
        <View key={m.personId} className='admin-fact group-member'>
          <Text className='admin-fact__label'>{m.isLeader ? '组长' : '组员'}</Text>
          <Text className='admin-fact__value'>
            {m.name}{m.unit ? ` · ${m.unit}` : ''} · 本年第 {m.load} 次{m.checkedInAt ? ' · 已签到' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

export default function GroupPage() {
  const observationId = useRouter().params.observationId ?? '';
  const { state, reload, set } = useLoad(async () => {
    const [observation, group] = await Promise.all([fetchObservation(observationId), fetchGroup(observationId)]);
    return { observation, group };
  }, [observationId]);
  const [q, setQ] = useState('');
  const [pool, setPool] = useState<{ loading: boolean; items: TObserver[] | null; error: string | null }>({ loading: false, items: null, error: null });
  const [picks, setPicks] = useState<Pick[] | null>(null);
  const [busy, setBusy] = useState<'auto' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function loadPool(query: string): Promise<void> {
    setPool((p) => ({ ...p, loading: true, error: null }));
    try {
      setPool({ loading: false, items: (await searchPool(query)).items, error: null });
    } catch (e) {
      setPool({ loading: false, items: null, error: errorMessageZh(e) });
    }
  }

  function startEditing(group: TGroupView): void {
    setPicks(initialPicks(group));
    setOutcome(null);
    if (!pool.items) void loadPool(q);
  }

  async function auto(): Promise<void> {
    if (state.kind !== 'ready') return;
    setBusy('auto');
    setOutcome(null);
    try {
      const g = await autoAssign(observationId);
      set({ ...state.data, group: g });
      setPicks(null);
      setOutcome({ ok: true, text: g.reasonZh, issues: new Map() });
    } catch (e) {
      setOutcome({ ok: false, text: isApiError(e) ? refusalText(e) : errorMessageZh(e), issues: new Map() });
    } finally {
      setBusy(null);
    }
  }

  async function save(): Promise<void> {
    if (state.kind !== 'ready' || !picks) return;
    const problem = picksProblem(picks);
    if (problem) {
      setOutcome({ ok: false, text: problem, issues: new Map() });
      return;
    }
    setBusy('save');
    setOutcome(null);
    try {
      const g = await setGroup(observationId, picks);
      set({ ...state.data, group: g });
      setPicks(null);
      setOutcome({ ok: true, text: '观察小组已保存。', issues: new Map() });
    } catch (e) {
      if (!isApiError(e)) {
        setOutcome({ ok: false, text: errorMessageZh(e), issues: new Map() });
        return;
      }
      // OBS-8: the refused members are marked in the list below, with the reason next to each name.
      setOutcome({ ok: false, text: refusalText(e), issues: issuesByPerson(e.fields, picks) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <AdminPage title={PAGE_TITLES.adminGroup}>
      <Loaded state={state} onRetry={() => void reload()} loadingText='正在读取观察小组…'>
        {({ observation: o, group }) => {
          const locked = group.members.some((m) => m.checkedInAt !== null);
          const rows = picks && pool.items ? poolRows(pool.items, picks, group.members) : [];
          const general = outcome?.issues.get('');
          return (
            <>
              <Panel title={o.meeting.orgName}>
                <Text className='group-meeting'>{OBSERVATION_MODE_ZH[o.mode]} · {formatWhenZh(o.meeting.startsAt)}</Text>
                <Text className='group-meeting'>{meetingTitle(o.meeting.kind, o.meeting.topic)} · {o.meeting.place}</Text>
              </Panel>

              <Panel title='观察小组' className='group-current'>
                <Members group={group} />
                {outcome && !picks && <Text className={outcome.ok ? 'group-outcome admin-ok' : 'group-outcome admin-error'}>{outcome.text}</Text>}
                {locked ? (
                  <Text className='admin-muted'>已有组员签到，小组不能再调整。</Text>
                ) : !picks && (
                  <View className='admin-actions'>
                    <Button type='primary' size='large' loading={busy === 'auto'} disabled={busy !== null} onClick={() => void auto()}>
                      {group.members.length === 0 ? '自动分组' : '按规则重新分组'}
                    </Button>
                    <Button size='large' disabled={busy !== null} onClick={() => startEditing(group)}>手工调整</Button>
                  </View>
                )}
              </Panel>

              {picks && (
                <Panel title={`手工调整（已选 ${picks.length} 人）`} className='group-editor'>
                  <View className='group-search'>
                    <Input className='group-search__input' value={q} placeholder='按姓名查找人员库' onChange={(v: string) => setQ(v)}
                      onConfirm={() => void loadPool(q)} />
                    <Button size='large' onClick={() => void loadPool(q)}>查找</Button>
                  </View>
                  {pool.loading && <Loading type='circular'>正在读取人员库…</Loading>}
                  {pool.error && <Text className='admin-error'>{pool.error}（点“查找”重试）</Text>}
                  {outcome && <Text className={outcome.ok ? 'group-outcome admin-ok' : 'group-outcome group-refusal admin-error'}>{outcome.text}{general ? `（${general}）` : ''}</Text>}
                  {rows.map((r) => {
                    const issue = outcome?.issues.get(r.personId);
                    return (
                      <View key={r.personId} className={`group-pick ${issue ? 'group-pick--conflict' : ''}`}>
                        <Checkbox className='group-pick__check' checked={r.picked} label={r.name} onChange={() => setPicks(toggle(picks, r.personId))} />
                        <View className='group-pick__info'>
                          <Text className='admin-muted'>{r.detail}</Text>
                          {issue && <Text className='group-pick__issue'>不能参加：{issue}</Text>}
                        </View>
                        {r.picked && (r.leader
                          ? <Text className='group-pick__leader'>组长</Text>
                          : <Button size='small' className='group-pick__make-leader' onClick={() => setPicks(makeLeader(picks, r.personId))}>设为组长</Button>)}
                      </View>
                    );
                  })}
                  {pool.items && rows.length === 0 && <Text className='admin-muted'>人员库中没有找到符合条件的人员，请换个姓名查找。</Text>}
                  <View className='admin-actions'>
                    <Button type='primary' size='large' loading={busy === 'save'} disabled={busy !== null} onClick={() => void save()}>保存小组</Button>
                    <Button size='large' disabled={busy !== null} onClick={() => { setPicks(null); setOutcome(null); }}>取消</Button>
                  </View>
                </Panel>
              )}
            </>
          );
        }}
      </Loaded>
    </AdminPage>
  );
}
