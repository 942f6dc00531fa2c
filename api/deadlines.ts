// CALC-3: the deadlines board: what is due soon or overdue across the office's scope, per branch or per observer.
// Per branch: every deadline of the branch's observations (OBS-5, FB-1..4, each rectification item of FB-2).
// Per observer: what each one owes: their own sheet (FB-1), the feedback if they lead the group (FB-1),
// the report-back if they are the invited committee member (FB-3).
import { toDateString, ZDeadlinesQuery, type TBoardDeadline, type TDeadline, type TPolicy } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { now } from './_lib/clock';
import { deadlinesOfAll, observationsForDeadlines, ownSheetDeadline, UNTRACKED, type DeadlineObservation } from './_lib/office/deadlines';
import { currentPolicy } from './_lib/office/policy';
import { requireOffice } from './_lib/office/scope';

type Base = { observationId: string; meetingId: string; mode: string; branchId: string; branchName: string };
type Item = TBoardDeadline & Base;
interface Group { id: string; name: string; counts: Record<string, number>; items: Item[] }

function add(groups: Map<string, Group>, id: string, name: string, item: Item): void {
  let g = groups.get(id);
  if (!g) { g = { id, name, counts: {}, items: [] }; groups.set(id, g); }
  g.counts[item.state] = (g.counts[item.state] ?? 0) + 1;
  g.items.push(item);
}

/** One observer's row: the TDeadline's fields, then the observation's (a literal: copying ~17,000 rows by spreading cost ~0.1 s). */
const owed = (r: TDeadline, base: Base): Item => ({
  key: r.key, ruleId: r.ruleId, labelZh: r.labelZh, dueDate: r.dueDate, basis: r.basis, state: r.state, doneOn: r.doneOn, late: r.late, ...base,
});

/** What each member of the group owes (FB-1, FB-3), member by member: their own sheet, the feedback if they lead, the report-back if invited. */
function addOwed(groups: Map<string, Group>, o: DeadlineObservation, rows: TBoardDeadline[], base: Base, wanted: (d: TDeadline) => boolean, at: Date, policy: TPolicy): void {
  const sheet = rows.find((d) => d.key === 'sheet_submission');
  const feedback = rows.find((d) => d.key === 'feedback_to_branch');
  const reportBack = rows.find((d) => d.key === 'report_back');
  for (const m of o.group) {
    const own = sheet ? ownSheetDeadline(sheet, m.sheetAt, at, policy) : undefined;
    for (const row of [own, m.isLeader ? feedback : undefined, m.isInvitee ? reportBack : undefined]) {
      if (row && wanted(row)) add(groups, m.personId, '', owed(row, base));
    }
  }
}

/** Groups by name as the office reads them (zh collation), then id. One collator, made on first use: localeCompare(…, 'zh') made one per comparison. */
let zh: Intl.Collator | undefined;

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
      const wanted = (d: TDeadline) => query.state.includes(d.state);
      observations.forEach((o, i) => {
        const rows = all[i];
        if (!rows) { beyondCalendar.push(o.id); return; }
        const base: Base = { observationId: o.id, meetingId: o.meeting_id, mode: o.mode, branchId: o.branch_id, branchName: o.branch_name };
        if (query.by === 'branch') {
          // The rule's rows are this request's own: the observation's fields are added to them, not copied with them.
          for (const d of rows) if (wanted(d)) add(groups, o.branch_id, o.branch_name, Object.assign(d, base));
          return;
        }
        addOwed(groups, o, rows, base, wanted, at, policy);
      });
      // Observers' names in one lookup by id (the pool is thousands of people, the people table hundreds of thousands).
      if (query.by === 'observer' && groups.size > 0) {
        const names = await tx.query<{ id: string; name: string }>('select id, name from people where id = any($1::uuid[])', [[...groups.keys()]]);
        for (const p of names.rows) groups.get(p.id)!.name = p.name;
      }
      zh ??= new Intl.Collator('zh');
      const sorted = [...groups.values()].sort((a, b) => zh!.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
      return {
        year: query.year, today: toDateString(at.toISOString()),
        by: query.by, states: query.state, total: sorted.length, limit: query.limit, offset: query.offset,
        groups: sorted.slice(query.offset, query.offset + query.limit),
        untracked: UNTRACKED, beyondCalendar,
      };
    },
  }),
});
