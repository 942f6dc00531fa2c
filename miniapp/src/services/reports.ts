// The reports after a visit (FB-3, FB-4): pkg-branch and pkg-member only. Every answer is validated.
import { ZReportFiled, ZReportsResponse, type TFileReportRequest, type TReportsResponse, type TReportView } from './branch-schemas';
import { api } from './api';

/** The reports filed for an observation and the first due date of each kind (CALC-3). */
export function fetchReports(observationId: string): Promise<TReportsResponse> {
  return api.get(`/api/reports?observationId=${encodeURIComponent(observationId)}`, ZReportsResponse);
}

/** FB-3: the invited member's report-back; FB-4: a period's progress or commitment report. The server sets the due date. */
export async function fileReport(body: TFileReportRequest): Promise<TReportView> {
  return (await api.post('/api/reports', ZReportFiled, body)).report;
}
