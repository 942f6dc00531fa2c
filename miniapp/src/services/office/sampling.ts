// OBS-1 / MTG-10 filings and the yearly 旁听 draw (OBS-3, CALC-1).
import { api } from '../api';
import { ZDrawReply, ZPlansReport, ZSampleVerification, ZSamplesView, type TDrawReply, type TPlansReport, type TSampleVerification, type TSamplesView } from './schemas';
import { pathId, queryString } from './query';

/** Every branch in the office's scope with its yearly plan and candidate filings (limit ≤ 500). */
export function fetchFilings(year: number, page: { limit?: number; offset?: number; missingOnly?: boolean } = {}): Promise<TPlansReport> {
  return api.get(`/api/plans${queryString({ year, missing: page.missingOnly ? 1 : undefined, limit: page.limit ?? 500, offset: page.offset })}`, ZPlansReport);
}

/** The year's current draw and the draws it replaced, newest first. */
export function fetchDraws(year: number): Promise<TSamplesView> {
  return api.get(`/api/samples${queryString({ year })}`, ZSamplesView);
}

/** Draws the year's sample; a redraw needs `reason` (else SAMPLE_ALREADY_DRAWN). No seed: the server picks one. */
export function drawSample(req: { year: number; seed?: string; reason?: string }): Promise<TDrawReply> {
  const body = { year: req.year, ...(req.seed?.trim() ? { seed: req.seed.trim() } : {}), ...(req.reason?.trim() ? { reason: req.reason.trim() } : {}) };
  return api.post('/api/samples', ZDrawReply, body);
}

/** CALC-1: the server re-runs the rule on the stored inputs and seed. */
export function verifyDraw(drawId: string): Promise<TSampleVerification> {
  return api.post(`/api/samples/${pathId(drawId)}/verify`, ZSampleVerification, {});
}
