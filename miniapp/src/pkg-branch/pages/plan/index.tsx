import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TObservationDetail } from '../../../services/schemas';
import { PageShell } from '../../../components/page-shell';
import { usePageData } from '../../../components/use-page-data';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Button, Cell, CellGroup, Input, TextArea } from '../../../components/ui';
import { formatSpanZh } from '../../../components/format';
import { MEETING_KIND_ZH, OBSERVATION_MODE_ZH } from '../../../constants/labels';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchMe } from '../../../services/auth';
import { submitPlan } from '../../../services/branch';
import { fetchObservation } from '../../../services/meetings';
import { DateCell, TimeCell } from '../../components/picker-cell';
import { Field } from '../../components/field';
import { submitErrorText } from '../../logic/form-logic';
import { initialPlanForm, planProblems, planStatusLine, toPlan, type PlanForm } from '../../logic/plan-logic';
import '../../components/branch.scss';

/** OBS-5: the observed branch submits its plan (agenda, content, host, time, place) at least a week before. */
export default function PlanPage() {
  const observationId = useRouter().params.observationId ?? '';
  const [form, setForm] = useState<PlanForm | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { data: observation, setData: setObservation, error: loadError, reload } = usePageData<TObservationDetail>(async () => {
    const [me, o] = await Promise.all([fetchMe(), fetchObservation(observationId)]);
    setForm(initialPlanForm(o, me.name));
    return o;
  }, { refreshOnShow: false });

  async function submit(): Promise<void> {
    const p = planProblems(form!);
    setProblems(p);
    if (p.length > 0) return;
    setBusy(true);
    try {
      const res = await submitPlan(observationId, toPlan(form!));
      setObservation({ ...observation!, plan: res.plan, planSubmittedAt: res.planSubmittedAt, planLate: res.late, planDueDate: res.dueDate });
      setDone(true);
    } catch (e) {
      setProblems([submitErrorText(e)]);
    } finally {
      setBusy(false);
    }
  }

  const title = PAGE_TITLES.branchPlan;
  if (loadError) return <PageShell title={title}><ErrorBlock message={loadError} onRetry={() => void reload()} /></PageShell>;
  if (!observation || !form) return <PageShell title={title}><LoadingBlock /></PageShell>;
  const m = observation.meeting;
  const set = (patch: Partial<PlanForm>) => setForm({ ...form, ...patch });
  return (
    <PageShell title={title}>
      <Text className='page-title'>{m.topic}</Text>
      <CellGroup>
        <Cell title={`${OBSERVATION_MODE_ZH[observation.mode]} · ${MEETING_KIND_ZH[m.kind]}`} description={`${m.orgName}\n${formatSpanZh(m.startsAt, m.endsAt)}`} className='branch-multiline' />
        <Cell title='方案状态' description={planStatusLine(observation)} className={`branch-multiline${observation.planSubmittedAt ? '' : ' branch-urgent'}`} />
      </CellGroup>
      {done && <Text className='branch-ok'>组织方案已提交，观察小组和机关党委办可以看到。</Text>}
      <View className='page-section'>
        <Field label='议程' hint='每行一项'>
          <TextArea className='plan-agenda' value={form.agenda} maxLength={5000} autoSize onChange={(agenda: string) => set({ agenda })} />
        </Field>
        <Field label='活动内容' hint='学习的文件、讨论的问题、发言安排等'>
          <TextArea className='plan-content' value={form.content} maxLength={5000} autoSize onChange={(content: string) => set({ content })} />
        </Field>
        <Field label='主持人'>
          <Input className='plan-host' value={form.host} maxLength={50} onChange={(host: string) => set({ host })} />
        </Field>
        <Field label='地点'>
          <Input className='plan-place' value={form.place} maxLength={200} onChange={(place: string) => set({ place })} />
        </Field>
      </View>
      <CellGroup>
        <DateCell title='日期' value={form.date} onChange={(date) => set({ date })} />
        <TimeCell title='开始时间' value={form.time} onChange={(time) => set({ time })} />
      </CellGroup>
      {problems.length > 0 && <Text className='branch-problems'>{problems.join('\n')}</Text>}
      <View className='page-actions'>
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={() => void submit()}>
          {observation.planSubmittedAt ? '重新提交组织方案' : '提交组织方案'}
        </Button>
      </View>
    </PageShell>
  );
}
