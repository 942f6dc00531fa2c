// The report forms' path against the real API (FB-3, FB-4): home's task, the page's load (the observation and
// its reports), the form's request and the filed report, each answer validated by the phone's own schemas.
import { setClock } from '../../api/_lib/clock';
import { startTestApp, type TestApp } from '../helpers/app';
import { observedMeeting, sendFeedback } from '../helpers/meeting-builders';
import { routePhoneTo, signPhoneIn } from '../helpers/phone-on-app';
import { session } from '../../miniapp/src/services/session';
import { fetchTasks } from '../../miniapp/src/services/tasks';
import { fetchObservation } from '../../miniapp/src/services/meetings';
import { fetchReports, fileReport } from '../../miniapp/src/services/reports';
import { buildTasks } from '../../miniapp/src/pages/home/home-logic';
import { dueLine, filedRows, initialReportForm, toReportRequest } from '../../miniapp/src/pkg-branch/logic/report-logic';
import { isApiError } from '../../miniapp/src/services/api-error';
import { submitErrorText } from '../../miniapp/src/pkg-branch/logic/form-logic';

let app: TestApp;
let w: Awaited<ReturnType<typeof observedMeeting>>;
const as = (personId: string) => signPhoneIn(app, personId);

beforeAll(async () => {
  app = await startTestApp();
  w = await observedMeeting(app.db);
  await sendFeedback(app.db, w.observation, '2026-03-20T10:00:00+08:00');
  routePhoneTo(app);
  setClock('2026-03-26T09:00:00+08:00');
});
afterAll(async () => {
  jest.restoreAllMocks();
  session.clear();
  setClock(undefined);
  await app.close();
});

describe('report forms through the services (FB-3, FB-4)', () => {
  it('the invited member opens the report-back from home, files it, and it leaves the list (FB-3)', async () => {
    await as(w.committeeB);
    const row = buildTasks(await fetchTasks()).find((t) => t.kind === 'file_report');
    expect(row?.url).toBe(`/pkg-member/pages/report/index?observationId=${w.observation}&kind=report_back&periodNo=1`);
    const [o, view] = await Promise.all([fetchObservation(w.observation), fetchReports(w.observation)]);
    expect(o.meeting.topic).toBe('学习贯彻会议精神');
    expect(dueLine('report_back', view)).toBe('须在 2026年4月30日 前完成；在本支部下一次支委会上汇报观摩情况');
    const form = { ...initialReportForm('report_back', view, '2026-03-26', 1), summary: '在乙支部支委会上汇报了观摩体会' };
    const filed = await fileReport(toReportRequest(w.observation, 'report_back', form));
    expect(filedRows('report_back', { ...view, reports: [filed] }).map((r) => r.title)).toStrictEqual(['观摩后汇报 · 2026年3月26日']);
    expect((await fetchTasks()).tasks.some((t) => t.kind === 'file_report')).toBe(false);
  });

  it('the observed secretary files the first quarter\'s commitments; filing it twice gives the server\'s Chinese refusal (FB-4)', async () => {
    await as(w.secretaryA);
    const rows = buildTasks(await fetchTasks()).filter((t) => t.kind === 'file_report');
    expect(rows.map((r) => r.url)).toStrictEqual([
      `/pkg-member/pages/report/index?observationId=${w.observation}&kind=commitment_report&periodNo=1`,
      `/pkg-branch/pages/report/index?observationId=${w.observation}&periodNo=1`,
    ]);
    const view = await fetchReports(w.observation);
    const form = { ...initialReportForm('commitment_report', view, '2026-03-26', 1), summary: '党员逐一报告了承诺落实情况' };
    expect((await fileReport(toReportRequest(w.observation, 'commitment_report', form))).dueDate).toBe('2026-06-20');
    const again = await fileReport(toReportRequest(w.observation, 'commitment_report', form)).catch((e: unknown) => e);
    expect(isApiError(again) && again.status).toBe(409);
    expect(submitErrorText(again)).toBe('这一期的汇报已经登记过了');
    expect(buildTasks(await fetchTasks()).filter((t) => t.kind === 'file_report').map((r) => r.url)).toStrictEqual([
      `/pkg-branch/pages/report/index?observationId=${w.observation}&periodNo=1`,
    ]);
  });
});
