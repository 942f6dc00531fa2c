import { ZTaskList, type TMe, type TTask, type TTaskList } from '../../miniapp/src/services/schemas';
import { buildTasks, dueText, leadsABranch, reminderKeys, reminderMessage } from '../../miniapp/src/pages/home/home-logic';

const OBS = '00000000-0000-4000-8000-0000000000aa';
const ITEM = '00000000-0000-4000-8000-0000000000bb';
const MEETING = '00000000-0000-4000-8000-000000000001';
const BRANCH = '0da01a68-3bfe-4ee6-8ac0-575038a32908';

const task = (over: Partial<TTask> & Pick<TTask, 'kind'>): TTask => ({
  ruleId: 'FB-2', titleZh: '整改：会议记录补全缺席人员及原因', dueDate: '2026-03-25', state: 'upcoming', templateKey: 'deadline', ...over,
});
const list = (tasks: TTask[], templates: TTaskList['reminderTemplates'] = { deadline: 'T-DL', rectification: null }): TTaskList =>
  ZTaskList.parse({ today: '2026-03-23', tasks, reminderTemplates: templates });

describe('home: 我的待办 from GET /api/tasks (D9)', () => {
  it('each kind opens its page; the server order is kept', () => {
    const items = buildTasks(list([
      task({ kind: 'attend_meeting', titleZh: '参加：三月党课（确认参加或请假）', dueDate: '2026-03-24', startsAt: '2026-03-24T14:30:00+08:00', meetingId: MEETING }),
      task({ kind: 'observe_meeting', dueDate: '2026-03-24', startsAt: '2026-03-24T09:00:00+08:00', observationId: OBS, meetingId: MEETING }),
      task({ kind: 'record_discussion', observationId: OBS, meetingId: MEETING }),
      task({ kind: 'rectification_item', observationId: OBS, rectificationItemId: ITEM, templateKey: 'rectification' }),
      task({ kind: 'verify_rectification', dueDate: null, observationId: OBS, rectificationItemId: ITEM }),
      task({ kind: 'submit_plan', observationId: OBS }),
      task({ kind: 'submit_sheet', observationId: OBS }),
      task({ kind: 'file_yearly_plan', dueDate: null, orgId: BRANCH }),
    ]));
    expect(items.map((t) => [t.label, t.url])).toStrictEqual([
      ['会议', `/pages/meeting/index?id=${MEETING}`],
      ['观察任务', `/pages/meeting/index?id=${MEETING}`],
      ['观察反馈', `/pkg-branch/pages/rectification/index?observationId=${OBS}`],
      ['整改事项', `/pkg-branch/pages/item/index?observationId=${OBS}&itemId=${ITEM}`],
      ['整改核验', `/pkg-branch/pages/item/index?observationId=${OBS}&itemId=${ITEM}`],
      ['观摩组织方案', `/pkg-branch/pages/plan/index?observationId=${OBS}`],
      ['评分表', `/pages/score/index?observationId=${OBS}`],
      ['年度计划', `/pkg-branch/pages/yearly-plan/index?orgId=${BRANCH}`],
    ]);
    expect(new Set(items.map((t) => t.key)).size).toBe(8);
    // The class names the browser journeys find tasks by.
    expect(items.slice(0, 2).map((t) => t.css)).toStrictEqual(['meeting', 'observation']);
  });

  it('due dates read in Chinese with where they stand; a meeting shows its start (D9: formatted, not recomputed)', () => {
    expect(dueText(task({ kind: 'rectification_item', state: 'overdue' }))).toBe('2026年3月25日截止 · 已逾期');
    expect(dueText(task({ kind: 'submit_plan', state: 'due_soon' }))).toBe('2026年3月25日截止 · 即将到期');
    expect(dueText(task({ kind: 'record_discussion' }))).toBe('2026年3月25日截止');
    expect(dueText(task({ kind: 'attend_meeting', dueDate: '2026-03-24', startsAt: '2026-03-24T14:30:00+08:00' }))).toBe('2026年3月24日 14:30 开会');
    expect(dueText(task({ kind: 'file_yearly_plan', dueDate: null }))).toBe('不限日期');
    expect(dueText(task({ kind: 'verify_rectification', dueDate: null }))).toBe('请尽快核验');
  });

  it('an item sent back carries its reason and an overdue one is flagged (FB-2)', () => {
    const [item] = buildTasks(list([task({ kind: 'rectification_item', state: 'overdue', noteZh: '被退回：未附会议记录', observationId: OBS, rectificationItemId: ITEM })]));
    expect([item!.note, item!.overdue]).toStrictEqual(['被退回：未附会议记录', true]);
  });

  it('提醒我 asks only for the templates the listed tasks use and the deployment has (D9)', () => {
    const tasks = [task({ kind: 'submit_plan' }), task({ kind: 'rectification_item', templateKey: 'rectification' })];
    expect(reminderKeys(list(tasks))).toStrictEqual(['deadline']);
    expect(reminderKeys(list(tasks, { deadline: 'T-DL', rectification: 'T-RC' }))).toStrictEqual(['deadline', 'rectification']);
    expect(reminderKeys(list([task({ kind: 'file_yearly_plan', dueDate: null })], { deadline: 'T-DL', rectification: 'T-RC' }))).toStrictEqual([]);
  });

  it('each outcome of 提醒我 is explained, and h5 says it works only in WeChat', () => {
    expect(reminderMessage({ kind: 'unsupported' })).toBe('到期提醒只能在微信小程序中开启。网页版请留意本页的待办事项和截止日期。');
    expect(reminderMessage({ kind: 'subscribed', keys: ['deadline'], consents: { deadline: 1 } })).toContain('会通过微信提醒您一次');
    expect(reminderMessage({ kind: 'declined' })).toContain('设置 → 通知');
  });

  it('the 支部工作台 entry is for 书记 and 副书记 only', () => {
    const me = (roles: TMe['memberships'][number]['roles']): TMe => ({
      id: MEETING, name: '杨霞文', isOffice: false, isObserver: false,
      memberships: [{ orgId: BRANCH, orgName: '预算科党支部', orgKind: 'branch', status: 'full', roles }],
    });
    expect([leadsABranch(me(['secretary'])), leadsABranch(me(['deputy_secretary'])), leadsABranch(me(['committee_member'])), leadsABranch(me([]))])
      .toStrictEqual([true, true, false, false]);
  });
});
