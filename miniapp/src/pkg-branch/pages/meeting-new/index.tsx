import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { LoadingBlock } from '../../../components/status-block';
import { Button, CellGroup, Input, TextArea } from '../../../components/ui';
import { todayInShanghai } from '../../../components/format';
import { MEETING_KIND_ZH } from '../../../constants/labels';
import { ROUTE_TO } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { createMeeting } from '../../../services/branch';
import { DateCell, SelectCell, TimeCell } from '../../components/picker-cell';
import { Field } from '../../components/field';
import { submitErrorText } from '../../logic/form-logic';
import { initialMeetingForm, MEETING_KINDS, meetingFormProblems, toCreateMeetingRequest, type MeetingForm } from '../../logic/meeting-form-logic';
import '../../components/branch.scss';

const KIND_OPTIONS = MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_ZH[k] }));

/** MTG-*: the 书记 or 副书记 plans a meeting: kind, topic, time and place (members see it in 我的待办). */
export default function MeetingNewPage() {
  const orgId = useRouter().params.orgId ?? '';
  const today = todayInShanghai(Date.now());
  const [form, setForm] = useState<MeetingForm>(() => initialMeetingForm(today));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<MeetingForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(): Promise<void> {
    const p = meetingFormProblems(form);
    setProblems(p);
    if (p.length > 0 || !orgId) return;
    setBusy(true);
    try {
      const meeting = await createMeeting(toCreateMeetingRequest(orgId, form));
      void Taro.redirectTo({ url: ROUTE_TO.meeting(meeting.id) });
    } catch (e) {
      setProblems([submitErrorText(e)]);
      setBusy(false);
    }
  }

  const title = PAGE_TITLES.branchMeetingNew;
  if (!orgId) return <PageShell title={title}><Text className='page-hint'>没有指定支部，请从“支部工作台”进入。</Text></PageShell>;
  return (
    <PageShell title={title}>
      <Text className='page-hint'>保存后，本支部应参会的党员会在“我的待办”中看到这次会议，可确认参加或请假。</Text>
      <CellGroup>
        <SelectCell title='会议类型' options={KIND_OPTIONS} value={form.kind} onChange={(kind) => set({ kind })} />
        <DateCell title='日期' value={form.date} start={today} onChange={(date) => set({ date })} />
        <TimeCell title='开始时间' value={form.start} onChange={(start) => set({ start })} />
        <TimeCell title='结束时间' value={form.end} onChange={(end) => set({ end })} />
      </CellGroup>
      <View className='page-section'>
        <Field label='会议主题'>
          <Input className='meeting-new__topic' value={form.topic} maxLength={200} placeholder='如：学习贯彻党的二十届四中全会精神' onChange={(topic: string) => set({ topic })} />
        </Field>
        <Field label='地点'>
          <Input className='meeting-new__place' value={form.place} maxLength={200} placeholder='如：三楼会议室' onChange={(place: string) => set({ place })} />
        </Field>
        {form.kind === 'party_lecture' && (
          <Field label='主讲人'>
            <Input value={form.lecturer} maxLength={50} placeholder='党课主讲人姓名' onChange={(lecturer: string) => set({ lecturer })} />
          </Field>
        )}
        <Field label='议程' hint='每行一项，可不填'>
          <TextArea value={form.agenda} maxLength={5000} autoSize placeholder={'1. 传达学习文件\n2. 讨论发言'} onChange={(agenda: string) => set({ agenda })} />
        </Field>
      </View>
      {problems.length > 0 && <Text className='branch-problems'>{problems.join('\n')}</Text>}
      {busy && <LoadingBlock text='正在保存…' />}
      <View className='page-actions'>
        <Button type='primary' size='xlarge' block disabled={busy} onClick={() => void submit()}>保存会议</Button>
      </View>
    </PageShell>
  );
}
