// CALC-5 / SCORE-1..3: validate a sheet against its rubric, band each criterion, combine a group's sheets.
import * as z from 'zod';
import { DomainError } from '../errors';
import { ZBand, ZRubric, ZRubricId, ZScoreSheet, type TBand, type TGroupResult, type TRubric, type TScoreSheet, type TSheetResult } from '../schemas/scoring';
import { parseRuleInput } from './parse';
import { RUBRICS } from './rubrics';

// Schemas made once: zod compiles a schema on its first parse, so one made per call was compiled per call (see periods.ts).
const ZBandScore = z.object({ score: z.number().min(0) });
const ZSheetVersions = z.array(z.object({ observerId: z.string().min(1), version: z.number().int().min(1) }));
const ZGroupResultInput = z.object({ rubricId: ZRubricId, sheets: z.array(ZScoreSheet).min(1) }).strict();
const ZSheetCorrection = z.object({ scores: z.record(z.string(), z.number()).optional(), texts: z.record(z.string(), z.string()).optional(), reason: z.string() }).strict();

const round2 = (x: number) => Math.round(x * 100) / 100;

/** SCORE-1: the band of a score; a boundary value (15, 10, 5) belongs to the higher band. */
export function bandOf(score: number, rubric: TRubric = RUBRICS.pingyi_5): TBand {
  const { score: s } = parseRuleInput(ZBandScore, { score });
  const r = parseRuleInput(ZRubric, rubric);
  const sorted = r.bands.slice().sort((a, b) => b.min - a.min);
  return (sorted.find((b) => s >= b.min) ?? sorted[sorted.length - 1])?.band ?? ZBand.enum.较差;
}

function checkAgainst(sheet: TScoreSheet, rubric: TRubric): void {
  const fields: { path: string; message: string }[] = [];
  const keys = new Set(rubric.criteria.map((c) => c.key));
  for (const k of Object.keys(sheet.scores)) if (!keys.has(k)) fields.push({ path: `scores.${k}`, message: '评分表没有这一项' });
  for (const c of rubric.criteria) {
    const v = sheet.scores[c.key];
    if (v === undefined) fields.push({ path: `scores.${c.key}`, message: `请给“${c.labelZh}”打分` });
    else if (!Number.isFinite(v) || v < c.min || v > c.max) fields.push({ path: `scores.${c.key}`, message: `“${c.labelZh}”应在 ${c.min}-${c.max} 分之间` });
  }
  for (const t of rubric.texts) {
    if (t.required && !(sheet.texts[t.key] ?? '').trim()) fields.push({ path: `texts.${t.key}`, message: `请填写“${t.labelZh}”` });
  }
  if (sheet.version > 1 && !(sheet.reason ?? '').trim()) fields.push({ path: 'reason', message: '更正评分须说明理由' });
  if (fields.length > 0) throw new DomainError('SHEET_INVALID', undefined, fields);
}

/** SCORE-1 / SCORE-2: validate one sheet; returns the total and the band of each criterion. */
export function scoreSheet(input: unknown): TSheetResult {
  const sheet = parseRuleInput(ZScoreSheet, input, 'SHEET_INVALID');
  const rubric = RUBRICS[sheet.rubricId];
  checkAgainst(sheet, rubric);
  const criteria = rubric.criteria.map((c) => {
    const score = sheet.scores[c.key] ?? 0;
    return { key: c.key, labelZh: c.labelZh, score, band: bandOf(score, rubric) };
  });
  return { rubricId: sheet.rubricId, total: round2(criteria.reduce((a, c) => a + c.score, 0)), maxTotal: rubric.criteria.reduce((a, c) => a + c.max, 0), criteria };
}

/** SCORE-3: of each observer's versions, the latest is the one that counts (all stay visible). */
export function latestSheets<T extends { observerId: string; version: number }>(sheets: readonly T[]): T[] {
  parseRuleInput(ZSheetVersions, sheets, 'SHEET_INVALID');
  const latest = new Map<string, T>();
  for (const s of sheets) {
    const cur = latest.get(s.observerId);
    if (cur && cur.version === s.version) throw new DomainError('SHEET_INVALID', `评分人 ${s.observerId} 有两份第 ${s.version} 版评分表`);
    if (!cur || s.version > cur.version) latest.set(s.observerId, s);
  }
  return [...latest.values()];
}

/** SCORE-3: the group result: mean per criterion with min, max and (population) standard deviation. */
export function groupResult(input: unknown): TGroupResult {
  const { rubricId, sheets } = parseRuleInput(ZGroupResultInput, input, 'SHEET_INVALID');
  if (sheets.some((s) => s.rubricId !== rubricId)) throw new DomainError('SHEET_INVALID', '评分表使用的评议标准不一致');
  const rubric = RUBRICS[rubricId];
  const counted = latestSheets(sheets);
  counted.forEach((s) => checkAgainst(s, rubric));
  const criteria = rubric.criteria.map((c) => {
    const xs = counted.map((s) => s.scores[c.key] ?? 0);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const stddev = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    return { key: c.key, labelZh: c.labelZh, mean: round2(mean), min: Math.min(...xs), max: Math.max(...xs), stddev: round2(stddev), band: bandOf(mean, rubric) };
  });
  const meanTotal = round2(counted.reduce((a, s) => a + rubric.criteria.reduce((t, c) => t + (s.scores[c.key] ?? 0), 0), 0) / counted.length);
  return { rubricId, observerCount: counted.length, criteria, meanTotal, maxTotal: rubric.criteria.reduce((a, c) => a + c.max, 0) };
}

/**
 * SCORE-3: a submitted sheet is never edited in place; a correction is a new version with a
 * reason. Returns the new sheet (version n+1); the caller stores it next to the old one.
 */
export function correctSheet(previous: unknown, correction: { scores?: Record<string, number>; texts?: Record<string, string>; reason: string }): TScoreSheet {
  const prev = parseRuleInput(ZScoreSheet, previous, 'SHEET_INVALID');
  const c = parseRuleInput(ZSheetCorrection, correction, 'SHEET_INVALID');
  if (!c.reason.trim()) throw new DomainError('SHEET_REASON_REQUIRED');
  const next: TScoreSheet = { rubricId: prev.rubricId, observerId: prev.observerId, version: prev.version + 1, scores: { ...prev.scores, ...c.scores }, texts: { ...prev.texts, ...c.texts }, reason: c.reason.trim() };
  checkAgainst(next, RUBRICS[next.rubricId]);
  return next;
}
