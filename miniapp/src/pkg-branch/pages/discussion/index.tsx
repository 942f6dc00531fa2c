import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { usePageData } from '../../../components/use-page-data';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Button, CellGroup, Input, TextArea } from '../../../components/ui';
import { todayInShanghai } from '../../../components/format';
import { BRANCH_ROUTE_TO } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { listMembers, recordRectification } from '../../../services/branch';
import { fetchObservation } from '../../../services/meetings';
import { DateCell, SelectCell } from '../../components/picker-cell';
import { Field } from '../../components/field';
import { submitErrorText } from '../../logic/form-logic';
import { discussionProblems, EMPTY_ITEM, initialDiscussionForm, toRecordRequest, type DiscussionForm, type ItemDraft } from '../../logic/rectification-logic';
import '../../components/branch.scss';

type Loaded = { topic: string; members: { value: string; label: string }[] };

/** FB-2: the committee's discussion of the feedback, with each item's owner and due date, saved in one go. */
export default function DiscussionPage() {
  const observationId = useRouter().params.observationId ?? '';
  const today = todayInShanghai(Date.now());
  const [form, setForm] = useState<DiscussionForm>(() => initialDiscussionForm(today));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { data: loaded, error: loadError, reload } = usePageData<Loaded>(async () => {
    const o = await fetchObservation(observationId);
    const people = await listMembers(o.meeting.orgId);
    return { topic: o.meeting.topic, members: people.items.map((p) => ({ value: p.id, label: p.name })) };
  }, { refreshOnShow: false });

  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    setForm((f) => ({ ...f, items: f.items.map((item, j) => (j === i ? { ...item, ...patch } : item)) }));

  async function submit(): Promise<void> {
    const p = discussionProblems(form);
    setProblems(p);
    if (p.length > 0) return;
    setBusy(true);
    try {
      await recordRectification(toRecordRequest(observationId, form));
      void Taro.redirectTo({ url: BRANCH_ROUTE_TO.rectification(observationId) });
    } catch (e) {
      setProblems([submitErrorText(e)]);
      setBusy(false);
    }
  }

  const title = PAGE_TITLES.branchDiscussion;
  if (loadError) return <PageShell title={title}><ErrorBlock message={loadError} onRetry={() => void reload()} /></PageShell>;
  if (!loaded) return <PageShell title={title}><LoadingBlock /></PageShell>;
  return (
    <PageShell title={title}>
      <Text className='page-title'>{loaded.topic}</Text>
      <CellGroup>
        <DateCell title='支委会召开日期' value={form.heldOn} onChange={(heldOn) => setForm({ ...form, heldOn })} />
      </CellGroup>
      <Field label='研究情况' hint='支委会对反馈意见的讨论和决定'>
        <TextArea className='discussion-summary' value={form.summary} maxLength={5000} autoSize placeholder='如：逐条研究观察小组反馈意见，明确整改措施、责任人和时限。'
          onChange={(summary: string) => setForm({ ...form, summary })} />
      </Field>
      {form.items.map((item, i) => (
        <View key={i} className='page-section discussion-item'>
          <Text className='page-hint'>{`整改事项 ${i + 1}`}</Text>
          <Field label='整改内容'>
            <Input className='discussion-item__title' value={item.title} maxLength={200} placeholder='如：会议记录补全缺席人员及原因' onChange={(v: string) => setItem(i, { title: v })} />
          </Field>
          <CellGroup>
            <SelectCell title='责任人' options={loaded.members} value={item.ownerPersonId} onChange={(v) => setItem(i, { ownerPersonId: v })} />
            <DateCell title='完成期限' value={item.dueDate} start={form.heldOn} onChange={(v) => setItem(i, { dueDate: v })} />
          </CellGroup>
          {form.items.length > 1 && (
            <View className='page-actions'>
              <Button size='large' block onClick={() => setForm({ ...form, items: form.items.filter((_, j) => j !== i) })}>删除这一项</Button>
            </View>
          )}
        </View>
      ))}
      <View className='page-actions'>
        <Button size='large' block onClick={() => setForm({ ...form, items: [...form.items, { ...EMPTY_ITEM }] })}>再加一项整改</Button>
      </View>
      {problems.length > 0 && <Text className='branch-problems'>{problems.join('\n')}</Text>}
      <View className='page-actions'>
        <Button type='primary' size='xlarge' block loading={busy} disabled={busy} onClick={() => void submit()}>保存研究情况和整改事项</Button>
      </View>
    </PageShell>
  );
}
