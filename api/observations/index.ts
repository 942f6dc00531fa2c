// OBS-2..5: the office schedules observations (巡听 / 旁听 / 观察员) of meetings in its scope, and lists them.
import { randomUUID } from 'node:crypto';
import {
  DomainError, isDomainError, observationDeadlines, toShanghaiIso, ZCreateObservationRequest, ZObservationListQuery, type TPolicy,
} from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { now } from '../_lib/clock';
import { currentPolicy } from '../_lib/office/policy';
import { requireOffice, yearRange } from '../_lib/office/scope';

/** OBS-5: when the observed branch's plan is due, to tell the branch (guancha only); null past the holiday data. */
function planDueDate(mode: string, kind: string, startsAt: Date, policy: TPolicy): string | null {
  if (mode !== 'guancha') return null;
  try {
    const rows = observationDeadlines({ observation: { mode, kind, startsAt: startsAt.toISOString() }, now: now().toISOString() }, policy);
    return rows.find((r) => r.key === 'plan_submission')?.dueDate ?? null;
  } catch (e) {
    if (isDomainError(e) && e.code === 'CALENDAR_OUT_OF_RANGE') return null;
    throw e;
  }
}

interface ListRow {
  id: string; meetingId: string; orgId: string; orgName: string; branchId: string; mode: string; rubric: string; status: string;
  kind: string; topic: string; startsAt: Date; planSubmittedAt: Date | null; feedbackSentAt: Date | null; total: string;
  group: { personId: string; name: string; isLeader: boolean }[];
}

/** D9: instants leave with +08:00. */
function listItem({ total: _t, startsAt, planSubmittedAt, feedbackSentAt, group, ...r }: ListRow) {
  return {
    ...r, startsAt: toShanghaiIso(startsAt), planSubmittedAt: planSubmittedAt && toShanghaiIso(planSubmittedAt),
    feedbackSentAt: feedbackSentAt && toShanghaiIso(feedbackSentAt), groupSize: group.length, group,
  };
}

export default handler({
  // POST /api/observations {meetingId, mode} → 201 {observation}; the rubric follows the policy (SCORE-2).
  POST: endpoint({
    auth: 'user',
    body: ZCreateObservationRequest,
    async run({ body, caller, tx }) {
      await requireOffice(tx);
      const { rows } = await tx.query<{ id: string; org_id: string; kind: string; status: string; starts_at: Date; observed: boolean }>(
        'select m.id, m.org_id, m.kind, m.status, m.starts_at, exists (select 1 from observations o where o.meeting_id = m.id) as observed from meetings m where m.id = $1',
        [body.meetingId],
      );
      const meeting = rows[0];
      if (!meeting) throw new DomainError('NOT_FOUND', '没有找到这场会议');
      if (meeting.status === 'cancelled') throw new DomainError('MEETING_CANCELLED');
      if (meeting.observed) throw new DomainError('OBSERVATION_EXISTS');
      const policy = await currentPolicy(tx);
      const rubric = policy.rubricByMode[body.mode];
      // No RETURNING: the read policy's helper cannot see a row its own statement is inserting.
      const id = randomUUID();
      await tx.query('insert into observations (id, meeting_id, mode, rubric, created_by) values ($1, $2, $3, $4, $5)',
        [id, meeting.id, body.mode, rubric, caller.sub]);
      const o = { id, status: 'scheduled' };
      return reply(201, {
        observation: {
          id: o.id, meetingId: meeting.id, orgId: meeting.org_id, mode: body.mode, rubric, status: o.status,
          startsAt: toShanghaiIso(meeting.starts_at), planDueDate: planDueDate(body.mode, meeting.kind, new Date(meeting.starts_at), policy),
        },
      });
    },
  }),
  // GET /api/observations?year=&orgId=&status=&limit=&offset= → {total, items}: what the caller may see (RLS),
  // each with its group's names (one query: the page first, then its groups aggregated).
  GET: endpoint({
    auth: 'user',
    query: ZObservationListQuery,
    async run({ query, tx }) {
      const [from, to] = yearRange(query.year);
      const { rows } = await tx.query<ListRow>(
        `with page as (
           select o.id, o.meeting_id as "meetingId", m.org_id as "orgId", org.name as "orgName",
                  coalesce(case when org.kind = 'party_group' then org.parent_id end, org.id) as "branchId",
                  o.mode, o.rubric, o.status, m.kind, m.topic, m.starts_at as "startsAt",
                  o.plan_submitted_at as "planSubmittedAt", o.feedback_sent_at as "feedbackSentAt",
                  count(*) over () as total
             from observations o join meetings m on m.id = o.meeting_id join organisations org on org.id = m.org_id
            where m.starts_at >= $1 and m.starts_at < $2
              and ($3::uuid is null or m.org_id = $3 or org.parent_id = $3)
              and ($4::observation_status is null or o.status = $4)
            order by m.starts_at, o.id
            limit $5 offset $6),
         groups as (
           select a.observation_id,
                  json_agg(json_build_object('personId', a.person_id, 'name', coalesce(p.name, ''), 'isLeader', a.is_leader)
                           order by a.is_leader desc, p.name, a.person_id) as members
             from observation_assignments a left join people p on p.id = a.person_id
            where a.observation_id in (select id from page)
            group by a.observation_id)
         select page.*, coalesce(g.members, '[]'::json) as "group"
           from page left join groups g on g.observation_id = page.id
          order by page."startsAt", page.id`,
        [from, to, query.orgId ?? null, query.status ?? null, query.limit, query.offset],
      );
      return { total: Number(rows[0]?.total ?? 0), limit: query.limit, offset: query.offset, items: rows.map(listItem) };
    },
  }),
});
