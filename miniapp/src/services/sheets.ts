import { ZSheetsResponse, ZSubmitSheetResponse, type TSheet, type TSheetsResponse, type TSubmitSheetRequest } from './schemas';
import { api } from './api';

/** Every observer's sheets and, once all have submitted, the group result (SCORE-3). */
export function fetchSheets(observationId: string): Promise<TSheetsResponse> {
  return api.get(`/api/observations/${encodeURIComponent(observationId)}/sheets`, ZSheetsResponse);
}

/** Submits a sheet; a correction of a submitted one is a new version and needs `reason`. */
export async function submitSheet(observationId: string, body: TSubmitSheetRequest): Promise<TSheet> {
  const res = await api.post(`/api/observations/${encodeURIComponent(observationId)}/sheets`, ZSubmitSheetResponse, body);
  return res.sheet;
}
