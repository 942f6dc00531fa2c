// CALC-3: the deadlines board: what is due soon or overdue across the office's scope, per branch or per observer.
// Per branch: every deadline of the branch's observations (OBS-5, FB-1..4, each rectification item of FB-2).
// Per observer: what each one owes: their own sheet (FB-1), the feedback if they lead the group (FB-1),
// the report-back if they are the invited committee member (FB-3).
import { toDateString, ZDeadlinesQuery, type TBoardDeadline } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { now } from './_lib/clock';
import { deadlinesOfAll, observationsForDeadlines, ownSheetDeadline, UNTRACKED, type DeadlineObservation } from './_lib/office/deadlines';
import { currentPolicy } from './_lib/office/policy';
import { requireOffice } from './_lib/office/scope';

type Item = TBoardDeadline & { observationId: string; meetingId: string; mode: string; branchId: string; branchName: string };
interface Group { id: string; name: string; counts: Record<string, number>; items: Item[] }

function add(groups: Map<string, Group>, id: string, name: string, item: Item): void {
  const g = groups.get(id) ?? { id, name, counts: {}, items: [] };
  g.counts[item.state] = (g.counts[item.state] ?? 0) + 1;
  g.items.push(item);
  groups.set(id, g);
}

/** What each member of the group owes (FB-1, FB-3). */
function owedBy(o: DeadlineObservation, rows: TBoardDeadline[], at: Date, policy: Parameters<typeof ownSheetDeadline>[3]): { personId: string; row: TBoardDeadline }[] {
  const sheet = rows.find((d) => d.key === 'sheet_submission');
  const feedback = rows.find((d) => d.key === 'feedback_to_branch');
  const reportBack = rows.find((d) => d.key === 'report_back');
  return o.group.flatMap((m) => [
    ...(sheet ? [ownSheetDeadline(sheet, m.sheetAt, at, policy)] : []),
    ...(m.isLeader && feedback ? [feedback] : []),
    ...(m.isInvitee && reportBack ? [reportBack] : []),
  ].map((row) => ({ personId: m.personId, row })));
}

export default handler({
  // GET /api/deadlines?year=&state=due_soon,overdue&by=branch|observer&limit=&offset=
  GET: endpoint({
    auth: 'user',
    query: ZDeadlinesQuery,
    async run({ query, tx }) {
      await requireOffice(tx);
      const at = now();
      const policy = await currentPolicy(tx);
      const observations = await observationsForDeadlines(tx, query.year);
      const all = deadlinesOfAll(observations, at, policy);
      const groups = new Map<string, Group>();
      const beyondCalendar: string[] = [];
      const wanted = (d: TBoardDeadline) => query.state.includes(d.state);
      observations.forEach((o, i) => {
        const rows = all[i];
        if (!rows) { beyondCalendar.push(o.id); return; }
        const base = { observationId: o.id, meetingId: o.meeting_id, mode: o.mode, branchId: o.branch_id, branchName: o.branch_name };
        if (query.by === 'branch') {
          rows.filter(wanted).forEach((d) => add(groups, o.branch_id, o.branch_name, { ...d, ...base }));
          return;
        }
        owedBy(o, rows, at, policy).filter((x) => wanted(x.row)).forEach((x) => add(groups, x.personId, '', { ...x.row, ...base }));
      });
      // Observers' names in one lookup by id (the pool is thousands of people, the people table hundreds of thousands).
      if (query.by === 'observer' && groups.size > 0) {
        const names = await tx.query<{ id: string; name: string }>('select id, name from people where id = any($1::uuid[])', [[...groups.keys()]]);
        for (const p of names.rows) groups.get(p.id)!.name = p.name;
      }
      const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh') || (a.id < b.id ? -1 : 1));
      return {
        year: query.year, today: toDateString(at.toISOString()),
        by: query.by, states: query.state, total: sorted.length, limit: query.limit, offset: query.offset,
        groups: sorted.slice(query.offset, query.offset + query.limit),
        untracked: UNTRACKED, beyondCalendar,
      };
    },
  }),
});
