// OBS-3 / CALC-1: the inputs of the yearly draw, read from the database, and the stored draws.
import { randomUUID } from 'node:crypto';
import { describeDraw, DomainError, drawSample, toShanghaiIso, type TSampleDraw, type TSampleResult } from '@tingkan/shared';
import type { Queryable } from '../db';
import { branchesUnder, yearRange } from './scope';

export interface DrawInputs {
  branches: { id: string; departmentId: string; observedLastYear: boolean }[];
  rate: number;
}

/** The office's branches, stratified by department, each marked if it was observed (any mode) last year. */
export async function drawInputs(tx: Queryable, rootId: string, year: number, rate: number): Promise<{ inputs: DrawInputs; names: Map<string, string> }> {
  const { branches } = await branchesUnder(tx, rootId);
  const [from, to] = yearRange(year - 1);
  const { rows } = await tx.query<{ branch_id: string }>(
    `select distinct coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id) as branch_id
       from observations o join meetings m on m.id = o.meeting_id join organisations org on org.id = m.org_id
      where o.status <> 'cancelled' and m.starts_at >= $1 and m.starts_at < $2`,
    [from, to],
  );
  const seen = new Set(rows.map((r) => r.branch_id));
  return {
    inputs: { branches: branches.map((b) => ({ id: b.id, departmentId: b.departmentId, observedLastYear: seen.has(b.id) })), rate },
    names: new Map(branches.map((b) => [b.id, b.name])),
  };
}

interface DrawRow {
  id: string; scope_org_id: string; year: number; seed: string; algorithm: string; rate: number; inputs: DrawInputs;
  branch_ids: string[]; drawn_by: string | null; drawn_at: Date; superseded_by: string | null; redraw_reason: string | null;
}

const SELECT = `select id, scope_org_id, year, seed, algorithm, rate, inputs, branch_ids::text[] as branch_ids, drawn_by, drawn_at,
  superseded_by, redraw_reason from sample_draws`;

/** The drawn branches' and the drawers' names, in one query (a person the reader may not see has none, RLS). */
async function names(tx: Queryable, orgIds: string[], personIds: string[]): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ id: string; name: string }>(
    `select id, name from organisations where id = any($1::uuid[])
     union all select id, name from people where id = any($2::uuid[])`, [orgIds, personIds]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function view(tx: Queryable, rows: DrawRow[]): Promise<TSampleDraw[]> {
  const byId = await names(tx, [...new Set(rows.flatMap((r) => r.branch_ids))], [...new Set(rows.flatMap((r) => r.drawn_by ?? []))]);
  return rows.map((r) => {
    const dep = new Map(r.inputs.branches.map((b) => [b.id, b.departmentId]));
    return {
      id: r.id, scopeOrgId: r.scope_org_id, year: Number(r.year), seed: r.seed, algorithm: r.algorithm, rate: Number(r.rate),
      branchIds: r.branch_ids, branches: r.branch_ids.map((id) => ({ id, name: byId.get(id) ?? '', departmentId: dep.get(id) ?? '' })),
      ...describeDraw({ branches: r.inputs.branches, rate: Number(r.rate) }, r.branch_ids),
      drawnBy: r.drawn_by, drawnByName: r.drawn_by ? byId.get(r.drawn_by) ?? null : null, drawnAt: toShanghaiIso(r.drawn_at),
      supersededBy: r.superseded_by, redrawReason: r.redraw_reason,
    };
  });
}

export async function loadDraw(tx: Queryable, id: string): Promise<DrawRow> {
  const { rows } = await tx.query<DrawRow>(`${SELECT} where id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND', '没有找到这次抽查记录');
  return row;
}

export async function listDraws(tx: Queryable, year: number, scopeOrgId?: string): Promise<TSampleDraw[]> {
  const { rows } = await tx.query<DrawRow>(`${SELECT} where year = $1 and ($2::uuid is null or scope_org_id = $2) order by drawn_at desc, id`, [year, scopeOrgId ?? null]);
  return view(tx, rows);
}

/**
 * CALC-1: draw with the shared rule and store it with its seed and inputs. A second draw for the same
 * scope and year needs a reason; the old draw stays, marked as superseded by the new one.
 */
export async function storeDraw(
  tx: Queryable, a: { rootId: string; year: number; seed?: string; reason?: string; rate: number; caller: string; at: Date },
): Promise<{ draw: TSampleDraw; result: TSampleResult }> {
  const current = await tx.query<{ id: string }>(
    'select id from sample_draws where scope_org_id = $1 and year = $2 and superseded_by is null for update', [a.rootId, a.year]);
  const old = current.rows[0];
  if (old && !a.reason) throw new DomainError('SAMPLE_ALREADY_DRAWN');
  const { inputs } = await drawInputs(tx, a.rootId, a.year, a.rate);
  if (inputs.branches.length === 0) throw new DomainError('VALIDATION_FAILED', '管理范围内没有党支部，无法抽查');
  const seed = a.seed ?? `${a.year}-旁听-${randomUUID().slice(0, 8)}`;
  const result = drawSample({ ...inputs, seed });
  const id = randomUUID();
  if (old) await tx.query('update sample_draws set superseded_by = $1 where id = $2', [id, old.id]);
  const { rows } = await tx.query<DrawRow>(
    `insert into sample_draws (id, scope_org_id, year, seed, algorithm, rate, inputs, branch_ids, drawn_by, drawn_at, redraw_reason)
     values ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10, $11)
     returning id, scope_org_id, year, seed, algorithm, rate, inputs, branch_ids::text[] as branch_ids, drawn_by, drawn_at, superseded_by, redraw_reason`,
    [id, a.rootId, a.year, result.seed, result.algorithm, result.rate, JSON.stringify(inputs), result.branchIds, a.caller, a.at, old ? a.reason : null],
  );
  const [draw] = await view(tx, rows);
  return { draw: draw!, result };
}
