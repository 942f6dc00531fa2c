// The office's reports: deadlines (CALC-3), compliance (CALC-4, ATT-1), results (SCORE-4).
import { api } from '../api';
import {
  ZComplianceReport, ZDeadlineBoard, ZResultsReport,
  type TComplianceReport, type TDeadlineBoard, type TDeadlineState, type TResultsReport,
} from './schemas';
import { queryString } from './query';

export function fetchDeadlines(year: number, by: 'branch' | 'observer', states: TDeadlineState[] = ['due_soon', 'overdue']): Promise<TDeadlineBoard> {
  return api.get(`/api/deadlines${queryString({ year, by, state: states.join(','), limit: 500 })}`, ZDeadlineBoard);
}

/** The whole year, one page of branches (the API pages: a province has 10,000 branches). */
export function fetchCompliance(year: number, page: { limit: number; offset: number }): Promise<TComplianceReport> {
  return api.get(`/api/compliance${queryString({ year, period: 'year', limit: page.limit, offset: page.offset })}`, ZComplianceReport);
}

export function fetchResults(year: number, by: 'branch' | 'department'): Promise<TResultsReport> {
  return api.get(`/api/results${queryString({ year, by })}`, ZResultsReport);
}
