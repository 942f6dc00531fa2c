import type { TMe, TMeeting, TObservationDetail } from '../../miniapp/src/services/schemas';
import type { TFeedbackView, TRectificationItemView } from '../../miniapp/src/services/branch-schemas';
import { ZCreateMeetingRequest, ZObservationPlan, ZRecordRectificationRequest, ZSubmitEvidenceRequest, ZVerifyRequest } from '@tingkan/shared';
import { ledBranches, observationLine } from '../../miniapp/src/pkg-branch/logic/workbench-logic';
import { initialMeetingForm, meetingFormProblems, toCreateMeetingRequest } from '../../miniapp/src/pkg-branch/logic/meeting-form-logic';
import { initialPlanForm, planProblems, planStatusLine, toPlan } from '../../miniapp/src/pkg-branch/logic/plan-logic';
import { FormProblem, linesOf, submitErrorText } from '../../miniapp/src/pkg-branch/logic/form-logic';
import {
  discussionProblems, evidenceRequest, feedbackParts, feedbackSentLine, historyLines, initialDiscussionForm, itemLine, itemPermissions,
  toRecordRequest, verifyRequest,
} from '../../miniapp/src/pkg-branch/logic/rectification-logic';
import { ApiError } from '../../miniapp/src/services/api-error';

const BRANCH = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
const GROUP = '98045b73-e53e-48b4-85cb-3daada043e9d';
const SECRETARY = '7a3ec636-b680-4177-8476-123e9841449e';
const MEMBER = '82dbeab2-1018-4f26-9b8d-9ca02c08a54f';
const OBSERVER = 'acd5db04-2225-4583-97fe-79117c119a13';
const OBS = 'e2e00000-0000-4000-8000-000000000002';
const ITEM = 'e2e00000-0000-4000-8000-0000000000b1';

const me = (id: string, roles: TMe['memberships'][number]['roles'] = [], isOffice = false): TMe => ({
  id, name: '杨霞文', isOffice, isObserver: false,
  memberships: [
    { orgId: BRANCH, orgName: '财政局预算科党支部', orgKind: 'branch', status: 'full', roles },
    { orgId: GROUP, orgName: '第一党小组', orgKind: 'party_group', status: 'full', roles: ['group_leader'] },
  ],
});

const meeting: TMeeting = {
  id: 'e2e00000-0000-4000-8000-000000000001', orgId: BRANCH, orgName: '财政局预算科党支部', kind: 'general_meeting', topic: '学习贯彻会议精神',
  startsAt: '2026-03-13T09:00:00+08:00', endsAt: '2026-03-13T11:00:00+08:00', place: '三楼会议室', hostPersonId: null, hostName: null,
  agenda: ['传达文件', '讨论发言'], status: 'planned', cancelReason: null, lecturer: null, decisions: [], location: null,
  createdAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-01T09:00:00+08:00',
};
const observation: TObservationDetail = {
  id: OBS, mode: 'guancha', rubric: 'guancha_3', status: 'feedback_sent', meeting,
  group: [{ personId: OBSERVER, name: '刘磊峰', isLeader: true, checkedInAt: null }],
  plan: null, planSubmittedAt: null, planDueDate: '2026-03-06', planLate: false, feedbackSentAt: '2026-03-20T10:00:00+08:00',
};
const item = (over: Partial<TRectificationItemView> = {}): TRectificationItemView => ({
  id: ITEM, observationId: OBS, title: '会议记录补全缺席人员及原因', ownerPersonId: MEMBER, ownerName: '苏彤梦', dueDate: '2026-04-10',
  status: 'open', evidenceText: null, evidenceIds: [], submittedAt: null, returnReason: null, closedBy: null, closedAt: null,
  history: [{ from: null, to: 'open', note: null, actorId: SECRETARY, at: '2026-03-22T10:00:00+08:00' }], ...over,
});

describe('支部工作台', () => {
  it('lists the branches I lead as 书记 or 副书记, not the 党小组 I lead', () => {
    expect(ledBranches(me(SECRETARY, ['deputy_secretary']))).toStrictEqual([{ orgId: BRANCH, orgName: '财政局预算科党支部' }]);
    expect(ledBranches(me(MEMBER))).toStrictEqual([]);
  });

  it('says what the branch has to do next for each observation (OBS-5, FB-1, FB-2)', () => {
    const base = {
      id: OBS, meetingId: meeting.id, orgId: BRANCH, orgName: '预算科', branchId: BRANCH, mode: 'guancha' as const, rubric: 'guancha_3' as const,
      status: 'scheduled' as const, kind: 'general_meeting' as const, topic: '学习贯彻会议精神', startsAt: '2026-03-13T01:00:00.000Z',
      planSubmittedAt: null, feedbackSentAt: null, groupSize: 2, group: [],
    };
    expect(observationLine(base)).toStrictEqual({ title: '观察：学习贯彻会议精神', description: '2026年3月13日 · 支部党员大会\n待提交组织方案（会前一周）', todo: true });
    expect(observationLine({ ...base, planSubmittedAt: '2026-03-01T02:00:00.000Z' }).description).toContain('等待观察小组反馈');
    expect(observationLine({ ...base, mode: 'pangting', status: 'feedback_sent', feedbackSentAt: '2026-03-20T02:00:00.000Z' }))
      .toMatchObject({ title: '旁听：学习贯彻会议精神', todo: true });
    expect(observationLine({ ...base, status: 'cancelled' })).toMatchObject({ todo: false });
  });
});

describe('新建会议 (MTG-*)', () => {
  it('builds the request the API parses, in +08:00, with the agenda one item per line', () => {
    const form = { ...initialMeetingForm('2026-03-30'), kind: 'party_lecture' as const, topic: ' 学习党章 ', place: '三楼会议室', agenda: '领学党章\n\n 交流体会 ', lecturer: '王书记' };
    const body = toCreateMeetingRequest(BRANCH, form);
    expect(body).toStrictEqual({
      orgId: BRANCH, kind: 'party_lecture', topic: '学习党章', place: '三楼会议室', startsAt: '2026-03-30T09:00:00+08:00',
      endsAt: '2026-03-30T11:00:00+08:00', agenda: ['领学党章', '交流体会'], lecturer: '王书记',
    });
    expect(ZCreateMeetingRequest.safeParse(body).success).toBe(true);
  });

  it('a lecturer is sent only for a 党课 (MTG-9)', () => {
    const body = toCreateMeetingRequest(BRANCH, { ...initialMeetingForm('2026-03-30'), topic: '党员大会', place: '会议室', lecturer: '王书记' });
    expect('lecturer' in body).toBe(false);
  });

  it('says in Chinese what is missing before anything is sent', () => {
    expect(meetingFormProblems({ ...initialMeetingForm('2026-03-30'), end: '08:00' })).toStrictEqual(['请填写会议主题', '请填写会议地点', '结束时间应晚于开始时间']);
  });
});

describe('观摩组织方案 (OBS-5)', () => {
  it('is prefilled from the meeting and sent as ZObservationPlan', () => {
    const form = initialPlanForm(observation, '杨霞文');
    expect(form).toStrictEqual({ agenda: '传达文件\n讨论发言', content: '', host: '杨霞文', date: '2026-03-13', time: '09:00', place: '三楼会议室' });
    expect(planProblems(form)).toStrictEqual(['请填写活动内容']);
    const plan = toPlan({ ...form, content: '学习四中全会精神，逐一发言' });
    expect(plan).toStrictEqual({ agenda: ['传达文件', '讨论发言'], content: '学习四中全会精神，逐一发言', host: '杨霞文', time: '2026-03-13T09:00:00+08:00', place: '三楼会议室' });
    expect(ZObservationPlan.safeParse(plan).success).toBe(true);
  });

  it('a plan already sent is shown again for changes, with its submission and lateness', () => {
    const sent = { ...observation, plan: { agenda: ['议程一'], content: '内容', host: '主持人', time: '2026-03-13T14:30:00+08:00', place: '五楼' }, planSubmittedAt: '2026-03-09T10:00:00+08:00', planLate: true };
    expect(initialPlanForm(sent, '杨霞文')).toMatchObject({ agenda: '议程一', host: '主持人', time: '14:30', place: '五楼' });
    expect(planStatusLine(sent)).toBe('已于 2026年3月9日 10:00 提交（晚于截止日期）；如有变化可修改后重新提交');
    expect(planStatusLine(observation)).toBe('尚未提交；须在 2026年3月6日 前提交（会前一周）');
  });
});

describe('反馈与整改 (FB-1, FB-2)', () => {
  it('who may do what with an item: the owner or the branch leaders submit; only leaders attach photos; the group or office verify', () => {
    expect(itemPermissions(me(MEMBER), item(), observation)).toStrictEqual({ canSubmit: true, canUpload: false, canVerify: false });
    expect(itemPermissions(me(SECRETARY, ['secretary']), item(), observation)).toStrictEqual({ canSubmit: true, canUpload: true, canVerify: false });
    expect(itemPermissions(me(OBSERVER), item(), observation)).toStrictEqual({ canSubmit: false, canUpload: false, canVerify: false });
    expect(itemPermissions(me(OBSERVER), item({ status: 'submitted' }), observation)).toStrictEqual({ canSubmit: false, canUpload: false, canVerify: true });
    expect(itemPermissions(me(MEMBER), item({ status: 'submitted' }), observation).canSubmit).toBe(false);
    expect(itemPermissions(me(SECRETARY, [], true), item({ status: 'submitted' }), observation).canVerify).toBe(true);
    expect(itemPermissions(me(MEMBER), item({ status: 'returned', returnReason: '未附记录' }), observation).canSubmit).toBe(true);
    expect(itemPermissions(me(OBSERVER), item({ status: 'closed' }), observation).canVerify).toBe(false);
  });

  it('an item line shows owner, due date, state and the return reason; overdue only while with the branch', () => {
    expect(itemLine(item({ status: 'returned', returnReason: '未附会议记录' }), '2026-04-11')).toStrictEqual({
      title: '会议记录补全缺席人员及原因',
      description: '责任人：苏彤梦 · 2026年4月10日前完成\n被退回，需重新整改（已逾期）\n退回理由：未附会议记录',
      urgent: true,
    });
    expect(itemLine(item({ status: 'submitted' }), '2026-04-11')).toMatchObject({ urgent: false });
    expect(itemLine(item(), '2026-04-10').urgent).toBe(false);
  });

  it('the history shows each step with the reason of a return (FB-2 closed loop)', () => {
    const history = [
      { from: null, to: 'open' as const, note: null, actorId: SECRETARY, at: '2026-03-22T10:00:00+08:00' },
      { from: 'open' as const, to: 'submitted' as const, note: null, actorId: MEMBER, at: '2026-03-25T10:00:00+08:00' },
      { from: 'submitted' as const, to: 'returned' as const, note: '未附会议记录', actorId: OBSERVER, at: '2026-03-26T09:00:00+08:00' },
      { from: 'returned' as const, to: 'submitted' as const, note: null, actorId: MEMBER, at: '2026-03-27T09:00:00+08:00' },
      { from: 'submitted' as const, to: 'closed' as const, note: null, actorId: OBSERVER, at: '2026-04-02T15:00:00+08:00' },
    ];
    expect(historyLines(item({ history }))).toStrictEqual([
      '2026年3月22日 10:00 列入整改', '2026年3月25日 10:00 提交整改材料', '2026年3月26日 09:00 退回：未附会议记录',
      '2026年3月27日 09:00 提交整改材料', '2026年4月2日 15:00 核验通过，销号',
    ]);
  });

  it('the feedback reads as its parts, empty ones left out, with the group score (FB-1, SCORE-3)', () => {
    const fb: TFeedbackView = {
      observationId: OBS, evaluation: '组织规范', strengths: '准备充分', shortcomings: null, suggestions: '',
      strengthTags: [], problemTags: [], dueDate: '2026-03-20', late: true, sentBy: OBSERVER, sentByName: '刘磊峰', sentAt: '2026-03-23T10:00:00+08:00',
      groupResult: { rubricId: 'guancha_3', observerCount: 2, meanTotal: 52, maxTotal: 60, criteria: [{ key: 'leadership', labelZh: '组织领导', mean: 17, min: 16, max: 18, stddev: 1, band: '好' }] },
    };
    expect(feedbackParts(fb)).toStrictEqual([
      { title: '评价意见', text: '组织规范' }, { title: '肯定成绩', text: '准备充分' },
      { title: '小组评分', text: '平均总分 52/60（2 人）；组织领导 17（好）' },
    ]);
    expect(feedbackSentLine(fb)).toBe('刘磊峰 于 2026年3月23日 10:00 反馈（晚于 2026年3月20日 的期限）');
  });

  it('the committee discussion: blank item rows are dropped, half-filled ones named, and the request parses (FB-2)', () => {
    const form = initialDiscussionForm('2026-03-22');
    expect(discussionProblems(form)).toStrictEqual(['请填写支委会研究情况']);
    const filled = {
      ...form, summary: ' 逐条研究 ',
      items: [{ title: '补全会议记录', ownerPersonId: MEMBER, dueDate: '2026-03-21' }, { title: '', ownerPersonId: '', dueDate: '' }, { title: '发言准备', ownerPersonId: '', dueDate: '' }],
    };
    expect(discussionProblems(filled)).toStrictEqual(['第 1 项整改：完成期限不能早于研究日期', '第 2 项整改：请选择责任人', '第 2 项整改：请选择完成期限']);
    const ok = { ...filled, items: [{ ...filled.items[0]!, dueDate: '2026-04-10' }, filled.items[1]!] };
    const body = toRecordRequest(OBS, ok);
    expect(body).toStrictEqual({ observationId: OBS, discussion: { heldOn: '2026-03-22', summary: '逐条研究' }, items: [{ title: '补全会议记录', ownerPersonId: MEMBER, dueDate: '2026-04-10' }] });
    expect(ZRecordRectificationRequest.safeParse(body).success).toBe(true);
  });

  it('evidence needs text or a photo; a return needs a reason; both parse as the API expects (FB-2)', () => {
    expect(evidenceRequest('  ', [])).toStrictEqual({ problem: '请填写整改情况说明或附上照片' });
    expect(evidenceRequest(' 已补全 ', [])).toStrictEqual({ evidenceText: '已补全', evidenceIds: [] });
    expect(ZSubmitEvidenceRequest.safeParse(evidenceRequest('', [ITEM])).success).toBe(true);
    expect(verifyRequest('return', ' ')).toStrictEqual({ problem: '退回须说明理由，便于支部重新整改' });
    expect(ZVerifyRequest.safeParse(verifyRequest('return', '未附会议记录')).success).toBe(true);
    expect(verifyRequest('close', 'ignored')).toStrictEqual({ decision: 'close' });
  });

  it('form helpers: lines, and errors as one Chinese sentence with the fields named', () => {
    expect(linesOf(' a \n\n b\r\n')).toStrictEqual(['a', 'b']);
    expect(submitErrorText(new FormProblem('请选择责任人'))).toBe('请选择责任人');
    const e = new ApiError('RECTIFICATION_OWNER_INVALID', '整改责任人不符合要求', 400, [{ path: 'items.0.ownerPersonId', message: '责任人须是被观摩支部的成员' }]);
    expect(submitErrorText(e)).toBe('整改责任人不符合要求；责任人须是被观摩支部的成员');
    expect(submitErrorText(new TypeError('x is undefined'))).toBe('服务器暂时无法处理请求，请稍后再试');
  });
});
