// ORG-4: the 巡听旁听人员库. Read through observer_pool_view, which masks mobiles for everyone but office staff.
import { randomUUID } from 'node:crypto';
import { DomainError, type TCreateObserverRequest, type TObserver, type TObserverList, type TObserverQuery, type TUpdateObserverRequest } from '@tingkan/shared';
import type { Queryable } from '../db';
import { decodeCursor, page } from './cursor';
import { insertPerson } from './people';

interface ObserverRow {
  id: string; person_id: string; name: string; gender: 'male' | 'female' | null; unit: string; post: string;
  serves_xunting: boolean; serves_pangting: boolean; active: boolean; mobile: string | null;
}

const toObserver = (r: ObserverRow): TObserver => ({
  id: r.id, personId: r.person_id, name: r.name, gender: r.gender, unit: r.unit, post: r.post,
  serves: [...(r.serves_xunting ? ['xunting' as const] : []), ...(r.serves_pangting ? ['pangting' as const] : [])],
  active: r.active, mobile: r.mobile,
});

const VIEW_COLUMNS = 'v.id, v.person_id, v.name, v.gender, v.unit, v.post, v.serves_xunting, v.serves_pangting, v.active, v.mobile';

export async function listObservers(tx: Queryable, query: TObserverQuery): Promise<TObserverList> {
  const after = decodeCursor(query.cursor, 2);
  const params: unknown[] = [];
  const where: string[] = [];
  const arg = (v: unknown): string => `$${params.push(v)}`;
  if (query.q) where.push(`v.name collate "C" like ${arg(`${query.q.replace(/[\\%_]/g, '\\$&')}%`)}`);
  if (query.serves) where.push(query.serves === 'xunting' ? 'v.serves_xunting' : 'v.serves_pangting');
  if (query.active !== undefined) where.push(`v.active = ${arg(query.active)}`);
  if (after) where.push(`(v.name collate "C", v.id) > (${arg(after[0])}::text collate "C", ${arg(after[1])}::uuid)`);
  const { rows } = await tx.query<ObserverRow>(
    `select ${VIEW_COLUMNS} from observer_pool_view v
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by v.name collate "C", v.id limit ${arg(query.limit + 1)}`,
    params,
  );
  return page(rows, query.limit, toObserver, (r) => [r.name, r.id]);
}

export async function loadObserver(tx: Queryable, id: string): Promise<TObserver> {
  const { rows } = await tx.query<ObserverRow>(`select ${VIEW_COLUMNS} from observer_pool_view v where v.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND');
  return toObserver(row);
}

/** Adds an existing person (personId) or a new one to the pool. */
export async function createObserver(tx: Queryable, body: TCreateObserverRequest): Promise<string> {
  let personId = body.personId;
  if (personId) {
    const { rows } = await tx.query('select 1 from people where id = $1', [personId]);
    if (rows.length === 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'personId', message: '人员不存在' }]);
    const { rows: already } = await tx.query('select 1 from observer_pool where person_id = $1', [personId]);
    if (already.length > 0) throw new DomainError('ALREADY_OBSERVER');
  } else {
    personId = randomUUID();
    await insertPerson(tx, personId, { name: body.name!, gender: body.gender, mobile: body.mobile, unit: body.unit, post: body.post, isLeadingCadre: false });
  }
  const id = randomUUID();
  // RLS: office staff only (a refusal is FORBIDDEN).
  await tx.query(
    'insert into observer_pool (id, person_id, unit, post, serves_xunting, serves_pangting) values ($1, $2, $3, $4, $5, $6)',
    [id, personId, body.unit, body.post, body.serves.includes('xunting'), body.serves.includes('pangting')],
  );
  return id;
}

export async function updateObserver(tx: Queryable, body: TUpdateObserverRequest): Promise<void> {
  await loadObserver(tx, body.id);
  const { rows } = await tx.query(
    `update observer_pool set unit = coalesce($2, unit), post = coalesce($3, post),
            serves_xunting = coalesce($4, serves_xunting), serves_pangting = coalesce($5, serves_pangting),
            active = coalesce($6, active)
      where id = $1 returning id`,
    [
      body.id, body.unit ?? null, body.post ?? null,
      body.serves ? body.serves.includes('xunting') : null, body.serves ? body.serves.includes('pangting') : null,
      body.active ?? null,
    ],
  );
  if (rows.length === 0) throw new DomainError('FORBIDDEN');
}
