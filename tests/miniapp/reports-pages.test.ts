import { ZTaskList, type TTask } from '../../miniapp/src/services/schemas';
import { ZFileReportRequest, ZReportsResponse, type TReportsResponse, type TReportView } from '../../miniapp/src/services/branch-schemas';
import { buildTasks } from '../../miniapp/src/pages/home/home-logic';
import {
  dueLine, filedRows, initialReportForm, periodLabel, periodOptions, reportKindOf, reportProblems, toReportRequest,
} from '../../miniapp/src/pkg-branch/logic/report-logic';

const OBS = '00000000-0000-4000-8000-0000000000aa';
const MEETING = '00000000-0000-4000-8000-000000000001';
const ORG = '0da01a68-3bfe-4ee6-8ac0-575038a32908';
const PERSON = '7a3ec636-b680-4177-8476-123e9841449e';

const report = (over: Partial<TReportView>): TReportView => ({
  id: '00000000-0000-4000-8000-0000000000c1', observationId: OBS, kind: 'commitment_report', periodNo: 1, orgId: ORG, orgName: '甲党支部',
  dueDate: '2026-06-20', heldOn: '2026-06-10', late: false, summary: '党员逐一报告了承诺落实情况', reportedBy: PERSON, reportedByName: '甲书记',
  createdAt: '2026-06-10T10:00:00+08:00', ...over,
});
const view = (reports: TReportView[] = []): TReportsResponse => ZReportsResponse.parse({
  observationId: OBS, reports,
  due: [
    { kind: 'report_back', dueDate: '2026-04-30', state: 'due_soon' },
    { kind: 'commitment_report', dueDate: '2026-06-20', state: 'upcoming' },
    { kind: 'progress_report', dueDate: '2026-09-20', state: 'upcoming' },
  ],
});

describe('home: a report task opens its form (FB-3, FB-4)', () => {
  const task = (over: Partial<TTask>): TTask => ({
    kind: 'file_report', ruleId: 'FB-4', titleZh: '汇报', dueDate: '2026-06-20', state: 'upcoming', templateKey: 'deadline', observationId: OBS, meetingId: MEETING, ...over,
  });

  it('progress goes to the branch subpackage, the report-back and commitments to the member one, with the period; keys stay apart', () => {
    const items = buildTasks(ZTaskList.parse({ today: '2026-03-26', reminderTemplates: { deadline: null, rectification: null }, tasks: [
      task({ reportKind: 'report_back', periodNo: 1, ruleId: 'FB-3' }),
      task({ reportKind: 'progress_report', periodNo: 1 }),
      task({ reportKind: 'commitment_report', periodNo: 2 }),
      task({ reportKind: 'commitment_report', periodNo: 3 }),
    ] }));
    expect(items.map((i) => [i.label, i.url])).toStrictEqual([
      ['汇报', `/pkg-member/pages/report/index?observationId=${OBS}&kind=report_back&periodNo=1`],
      ['汇报', `/pkg-branch/pages/report/index?observationId=${OBS}&periodNo=1`],
      ['汇报', `/pkg-member/pages/report/index?observationId=${OBS}&kind=commitment_report&periodNo=2`],
      ['汇报', `/pkg-member/pages/report/index?observationId=${OBS}&kind=commitment_report&periodNo=3`],
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(4);
  });

  it('a report task without its kind opens nothing rather than the wrong form', () => {
    const [item] = buildTasks(ZTaskList.parse({ today: '2026-03-26', reminderTemplates: { deadline: null, rectification: null }, tasks: [task({})] }));
    expect(item!.url).toBeNull();
  });
});

describe('report form (FB-3, FB-4)', () => {
  it('the member page takes only the kinds it files from its address', () => {
    const allowed = ['report_back', 'commitment_report'] as const;
    expect(reportKindOf('commitment_report', allowed, 'report_back')).toBe('commitment_report');
    expect(reportKindOf('progress_report', allowed, 'report_back')).toBe('report_back');
    expect(reportKindOf(undefined, allowed, 'report_back')).toBe('report_back');
  });

  it('offers the periods not filed yet, the task\'s period first when still open (FB-4)', () => {
    const v = view([report({ periodNo: 1 })]);
    expect(periodOptions('commitment_report', v).map((o) => o.label)).toStrictEqual(['第2个季度', '第3个季度', '第4个季度']);
    expect(periodOptions('progress_report', v).map((o) => o.label)).toStrictEqual(['第1个半年', '第2个半年']);
    expect(periodOptions('report_back', v)).toStrictEqual([{ value: '1', label: '观摩后汇报' }]);
    expect(periodOptions('report_back', view([report({ kind: 'report_back' })]))).toStrictEqual([]);
    expect(initialReportForm('commitment_report', v, '2026-06-21', 3)).toStrictEqual({ periodNo: 3, heldOn: '2026-06-21', summary: '' });
    expect(initialReportForm('commitment_report', v, '2026-06-21', 1).periodNo).toBe(2);
    expect(periodOptions('commitment_report', v, 6).map((o) => o.value)).toStrictEqual(['2', '3', '4', '5', '6']);
  });

  it('says what is missing in Chinese before anything is sent, and sends a request the API schema accepts', () => {
    const v = view([report({ periodNo: 1 })]);
    expect(reportProblems('commitment_report', { periodNo: 1, heldOn: '2026-06-30', summary: ' ' }, v, '2026-06-21')).toStrictEqual([
      '第1个季度的党员承诺落实情况报告已经登记过了', '汇报日期不能晚于今天：请在汇报之后再登记', '请填写汇报内容',
    ]);
    expect(reportProblems('report_back', { periodNo: 1, heldOn: '', summary: '汇报了' }, v, '2026-06-21')).toStrictEqual(['请选择汇报日期']);
    const body = toReportRequest(OBS, 'report_back', { periodNo: 3, heldOn: '2026-04-08', summary: '  在支委会上汇报了观摩体会 ' });
    expect(body).toStrictEqual({ observationId: OBS, kind: 'report_back', periodNo: 1, heldOn: '2026-04-08', summary: '在支委会上汇报了观摩体会' });
    expect(ZFileReportRequest.parse(body)).toStrictEqual(body);
  });

  it('states the server\'s first due date and the cadence (CALC-3, D9: not recomputed)', () => {
    expect(dueLine('report_back', view())).toBe('须在 2026年4月30日 前完成（即将到期）；在本支部下一次支委会上汇报观摩情况');
    expect(dueLine('progress_report', view())).toBe('第一次须在 2026年9月20日 前完成；以后每半年向党员通报一次');
    expect(dueLine('report_back', { ...view(), due: [] })).toBe('这次观摩不要求受邀支委回本支部汇报');
  });

  it('lists the filed reports of the page\'s kind, a late one flagged with its due date', () => {
    const v = view([report({ periodNo: 1 }), report({ id: '00000000-0000-4000-8000-0000000000c2', periodNo: 2, heldOn: '2026-09-25', dueDate: '2026-09-20', late: true }),
      report({ id: '00000000-0000-4000-8000-0000000000c3', kind: 'progress_report' })]);
    expect(filedRows('commitment_report', v).map((r) => [r.title, r.description, r.late])).toStrictEqual([
      ['第1个季度 · 2026年6月10日', '甲党支部，甲书记登记\n党员逐一报告了承诺落实情况', false],
      ['第2个季度 · 2026年9月25日', '甲党支部，甲书记登记（晚于 2026年9月20日 的期限）\n党员逐一报告了承诺落实情况', true],
    ]);
    expect(periodLabel('progress_report', 2)).toBe('第2个半年');
  });
});
