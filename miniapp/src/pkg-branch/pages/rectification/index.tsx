import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TMe, TObservationDetail } from '../../../services/schemas';
import type { TFeedbackResponse, TRectificationResponse } from '../../../services/branch-schemas';
import { PageShell } from '../../../components/page-shell';
import { usePageData } from '../../../components/use-page-data';
import { ErrorBlock, LoadingBlock } from '../../../components/status-block';
import { Button, Cell, CellGroup } from '../../../components/ui';
import { formatDateZh, formatSpanZh, todayInShanghai } from '../../../components/format';
import { MEETING_KIND_ZH, OBSERVATION_MODE_ZH } from '../../../constants/labels';
import { BRANCH_ROUTE_TO } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { fetchMe } from '../../../services/auth';
import { fetchFeedback, fetchRectification } from '../../../services/branch';
import { fetchObservation } from '../../../services/meetings';
import { planStatusLine } from '../../logic/plan-logic';
import { feedbackParts, feedbackSentLine, itemLine, leadsOrg } from '../../logic/rectification-logic';
import '../../components/branch.scss';

type Loaded = { me: TMe; observation: TObservationDetail; feedback: TFeedbackResponse; rectification: TRectificationResponse };

/** One observation from the observed branch's side: the plan (OBS-5), the feedback (FB-1), the discussion and items (FB-2). */
export default function RectificationPage() {
  const observationId = useRouter().params.observationId ?? '';
  const { data, error, reload } = usePageData<Loaded>(async () => {
    const [me, observation, feedback, rectification] = await Promise.all([
      fetchMe(), fetchObservation(observationId), fetchFeedback(observationId), fetchRectification(observationId),
    ]);
    return { me, observation, feedback, rectification };
  }, { refreshOnShow: true });

  const title = PAGE_TITLES.branchRectification;
  if (error) return <PageShell title={title}><ErrorBlock message={error} onRetry={() => void reload()} /></PageShell>;
  if (!data) return <PageShell title={title}><LoadingBlock /></PageShell>;

  const { me, observation: o, feedback, rectification } = data;
  const m = o.meeting;
  const leads = leadsOrg(me, m.orgId);
  const fb = feedback.feedback;
  const today = todayInShanghai(Date.now());
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <PageShell title={title}>
      <Text className='page-title'>{m.topic}</Text>
      <CellGroup>
        <Cell className='branch-multiline' title={`${OBSERVATION_MODE_ZH[o.mode]} · ${MEETING_KIND_ZH[m.kind]}`} description={`${m.orgName}\n${formatSpanZh(m.startsAt, m.endsAt)}`} />
        {o.mode === 'guancha' && (
          <Cell className={`branch-multiline${o.planSubmittedAt ? '' : ' branch-urgent'}`} title='组织方案' description={planStatusLine(o)}
            clickable={leads} extra={leads ? (o.planSubmittedAt ? '修改' : '提交') : undefined}
            onClick={() => { if (leads) go(BRANCH_ROUTE_TO.plan(o.id)); }} />
        )}
      </CellGroup>

      <CellGroup title='观察小组的反馈意见'>
        {fb ? (
          <>
            <Cell className='branch-multiline' title='反馈' description={feedbackSentLine(fb)} />
            {feedbackParts(fb).map((p) => <Cell key={p.title} className='branch-multiline feedback-part' title={p.title} description={p.text} />)}
          </>
        ) : (
          <Cell className='branch-multiline' title='尚未收到反馈'
            description={feedback.dueDate ? `观察小组应在 ${formatDateZh(feedback.dueDate)} 前反馈书面评价，收到后会出现在“我的待办”。` : '收到后会出现在“我的待办”。'} />
        )}
      </CellGroup>

      <CellGroup title='支委会研究情况'>
        {rectification.discussions.length === 0 && (
          <Cell className='branch-multiline' title='尚未登记' description={fb ? '请召开支委会研究反馈意见，逐条明确整改责任人和完成期限，然后在这里登记。' : '收到反馈后再登记。'} />
        )}
        {rectification.discussions.map((d) => (
          <Cell key={d.id} className='branch-multiline' title={`${formatDateZh(d.heldOn)} 支委会`} description={`${d.summary}\n登记人：${d.recordedByName}`} />
        ))}
      </CellGroup>
      {leads && fb && (
        <View className='page-actions'>
          <Button type='primary' size='large' block onClick={() => go(BRANCH_ROUTE_TO.discussion(o.id))}>
            {rectification.discussions.length === 0 ? '登记支委会研究情况和整改事项' : '再登记一次研究（可增加整改事项）'}
          </Button>
        </View>
      )}

      <CellGroup title={`整改事项（${rectification.items.length}）`}>
        {rectification.items.length === 0 && <Cell title='还没有整改事项' description='支委会研究后登记的整改事项会列在这里。' />}
        {rectification.items.map((item) => {
          const line = itemLine(item, today);
          return (
            <Cell key={item.id} className={`branch-multiline rectification-item${line.urgent ? ' branch-urgent' : ''}`} title={line.title}
              description={line.description} clickable extra='详情' onClick={() => go(BRANCH_ROUTE_TO.item(o.id, item.id))} />
          );
        })}
      </CellGroup>
    </PageShell>
  );
}
