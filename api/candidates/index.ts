// OBS-1: a branch puts forward candidate meetings for observation (备案表, 000 annex 1).
import { validateCandidate, ZCandidatesQuery, ZFileCandidateRequest } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { requireBranch } from '../_lib/office/orgs';
import { yearOf } from '../_lib/office/plans';

const COLUMNS = `id, org_id as "orgId", year, kind, topic, planned_at as "plannedAt", place, contact_name as "contactName",
  contact_phone as "contactPhone", preferred_mode as mode, filed_at as "filedAt"`;

export default handler({
  // POST /api/candidates: the branch's 书记/副书记 files one candidate (RLS refuses anyone else).
  POST: endpoint({
    auth: 'user',
    body: ZFileCandidateRequest,
    async run({ body, caller, tx }) {
      await requireBranch(tx, body.orgId);
      const c = validateCandidate({
        branchId: body.orgId, kind: body.kind, topic: body.topic, startsAt: body.plannedAt, place: body.place,
        contactName: body.contactName, contactPhone: body.contactPhone, mode: body.mode,
      });
      const { rows } = await tx.query(
        `insert into observation_candidates (org_id, year, kind, topic, planned_at, place, contact_name, contact_phone, preferred_mode, filed_by, filed_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning ${COLUMNS}`,
        [c.branchId, yearOf(c.startsAt), c.kind, c.topic, c.startsAt, c.place, c.contactName, c.contactPhone, c.mode, caller.sub, now()],
      );
      return reply(201, { candidate: rows[0] });
    },
  }),
  // GET /api/candidates?year=&orgId=: what the caller may see (their branch, or the office's scope).
  GET: endpoint({
    auth: 'user',
    query: ZCandidatesQuery,
    async run({ query, tx }) {
      const { rows } = await tx.query<{ total: string }>(
        `select ${COLUMNS}, count(*) over () as total from observation_candidates
          where year = $1 and ($2::uuid is null or org_id = $2) order by planned_at, id limit $3 offset $4`,
        [query.year, query.orgId ?? null, query.limit, query.offset],
      );
      return { total: Number(rows[0]?.total ?? 0), limit: query.limit, offset: query.offset, items: rows.map(({ total: _t, ...r }) => r) };
    },
  }),
});
