import { bandOf, type TBand, type TRubric, type TSheet, type TSubmitSheetRequest } from '../../services/schemas';

/** What the observer has entered so far; a criterion not yet scored is null. */
export interface SheetForm {
  scores: Record<string, number | null>;
  texts: Record<string, string>;
}

/** A blank form, or the latest submitted sheet to correct (SCORE-3). */
export function initialForm(rubric: TRubric, latest: TSheet | null): SheetForm {
  const scores: SheetForm['scores'] = {};
  for (const c of rubric.criteria) scores[c.key] = latest?.criteria.find((x) => x.key === c.key)?.score ?? null;
  const texts: SheetForm['texts'] = {};
  for (const t of rubric.texts) texts[t.key] = latest?.texts[t.key] ?? '';
  return { scores, texts };
}

/** The band as the observer scores (SCORE-1: 好 15-20, 较好 10-14, 一般 5-9, 较差 0-4). */
export function bandFor(score: number | null, rubric: TRubric): TBand | null {
  return score === null ? null : bandOf(score, rubric);
}

export function clampScore(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (String(value ?? '').trim() === '' || !Number.isFinite(n)) return null;
  return Math.min(max, Math.max(min, Math.round(n)));
}

export function totalOf(form: SheetForm): number {
  return Object.values(form.scores).reduce<number>((a, s) => a + (s ?? 0), 0);
}

/** What is still missing before the review step, in Chinese; empty when the sheet can be reviewed. */
export function formProblems(rubric: TRubric, form: SheetForm, correcting: boolean, reason: string): string[] {
  const out: string[] = [];
  for (const c of rubric.criteria) if (form.scores[c.key] == null) out.push(`请给“${c.labelZh}”打分`);
  for (const t of rubric.texts) if (t.required && !(form.texts[t.key] ?? '').trim()) out.push(`请填写“${t.labelZh}”`);
  if (correcting && !reason.trim()) out.push('更正评分须说明理由');
  return out;
}

/** The request to send; call only when formProblems is empty. */
export function toRequest(form: SheetForm, correcting: boolean, reason: string): TSubmitSheetRequest {
  const scores: Record<string, number> = {};
  for (const [k, v] of Object.entries(form.scores)) if (v !== null) scores[k] = v;
  const texts: Record<string, string> = {};
  for (const [k, v] of Object.entries(form.texts)) texts[k] = v.trim();
  return correcting ? { scores, texts, reason: reason.trim() } : { scores, texts };
}
