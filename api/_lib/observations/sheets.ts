// SCORE-1..3: append-only score sheets. One transaction stores the sheet and its items (total and bands
// from the shared rule); a correction is the next version with a reason; the group result from the latest.
import { DomainError, RUBRICS, groupResult, scoreSheet, type TGroupResult, type TRubricId, type TSheet } from '@tingkan/shared';
import type { Queryable } from '../db';
import { instant } from '../meetings/rows';

interface SheetRow {
  id: string;
  observer_id: string;
  observer_name: string | null;
  version: number;
  rubric: TRubricId;
  total: number;
  texts: Record<string, string>;
  reason: string | null;
  submitted_at: Date | string;
  items: { criterion: string; score: number; band: TSheet['criteria'][number]['band'] }[] | null;
}

function toSheet(r: SheetRow): TSheet {
  const criteria = RUBRICS[r.rubric].criteria.map((c) => {
    const item = (r.items ?? []).find((i) => i.criterion === c.key);
    return { key: c.key, labelZh: c.labelZh, score: Number(item?.score ?? 0), band: item?.band ?? '较差' };
  });
  return {
    id: r.id, observerId: r.observer_id, observerName: r.observer_name ?? '观察员', version: r.version, rubric: r.rubric,
    total: Number(r.total), texts: r.texts, reason: r.reason, submittedAt: instant(r.submitted_at), criteria,
  };
}

/** Every version of every sheet the caller may read (RLS: the group and office), oldest first. */
export async function listSheets(tx: Queryable, observationId: string): Promise<TSheet[]> {
  const { rows } = await tx.query<SheetRow>(
    `select s.id, s.observer_id, p.name as observer_name, s.version, s.rubric, s.total, s.texts, s.reason, s.submitted_at,
            (select json_agg(json_build_object('criterion', i.criterion, 'score', i.score, 'band', i.band))
               from score_sheet_items i where i.sheet_id = s.id) as items
       from score_sheets s left join people p on p.id = s.observer_id
      where s.observation_id = $1
      order by p.name, s.observer_id, s.version`,
    [observationId],
  );
  return rows.map(toSheet);
}

export interface SheetInput {
  scores: Record<string, number>;
  texts: Record<string, string>;
  reason?: string | undefined;
}

/** SCORE-3: the caller's next version. A second submission without a reason is SHEET_ALREADY_SUBMITTED. */
export async function submitSheet(tx: Queryable, observationId: string, rubric: TRubricId, observerId: string, input: SheetInput): Promise<TSheet> {
  const { rows } = await tx.query<{ latest: number | null }>(
    'select max(version) as latest from score_sheets where observation_id = $1 and observer_id = $2',
    [observationId, observerId],
  );
  const version = Number(rows[0]?.latest ?? 0) + 1;
  if (version > 1 && input.reason === undefined) throw new DomainError('SHEET_ALREADY_SUBMITTED');
  if (version === 1 && input.reason !== undefined) {
    throw new DomainError('SHEET_INVALID', undefined, [{ path: 'reason', message: '第一次提交不需要更正理由' }]);
  }
  // SCORE-1/2: validated against the observation's rubric; bad scores name their fields (SHEET_INVALID).
  const result = scoreSheet({ rubricId: rubric, observerId, version, scores: input.scores, texts: input.texts, reason: input.reason });
  // A concurrent second submission of the same version hits the unique key: CONFLICT, nothing stored.
  const sheet = await tx.query<{ id: string }>(
    `insert into score_sheets (observation_id, observer_id, version, rubric, total, texts, reason)
     values ($1, $2, $3, $4, $5, $6::text::jsonb, $7) returning id`,
    [observationId, observerId, version, rubric, Math.round(result.total), JSON.stringify(input.texts), input.reason ?? null],
  );
  const sheetId = sheet.rows[0]!.id;
  await tx.query(
    `insert into score_sheet_items (sheet_id, criterion, score, band)
     select $1, x.criterion, x.score, x.band
       from json_to_recordset($2::text::json) as x(criterion text, score smallint, band text)`,
    [sheetId, JSON.stringify(result.criteria.map((c) => ({ criterion: c.key, score: c.score, band: c.band })))],
  );
  const all = await listSheets(tx, observationId);
  return all.find((s) => s.id === sheetId)!;
}

/** SCORE-3: the group result once every assigned observer has a sheet; else who is missing. */
export function resultOf(rubric: TRubricId, group: { personId: string; name: string }[], sheets: TSheet[]): { groupResult: TGroupResult | null; missing: string[] } {
  const submitted = new Set(sheets.map((s) => s.observerId));
  const missing = group.filter((g) => !submitted.has(g.personId)).map((g) => g.name);
  if (missing.length > 0 || sheets.length === 0) return { groupResult: null, missing };
  return {
    groupResult: groupResult({
      rubricId: rubric,
      sheets: sheets.map((s) => ({
        rubricId: s.rubric, observerId: s.observerId, version: s.version,
        scores: Object.fromEntries(s.criteria.map((c) => [c.key, c.score])), texts: s.texts, ...(s.reason ? { reason: s.reason } : {}),
      })),
    }),
    missing,
  };
}
