// CALC-3: the deadlines board: what is due soon or overdue across the office's scope, per branch or per observer.
import { toDateString, ZDeadlinesQuery, type TDeadline } from '@tingkan/shared';
import { endpoint, handler } from './_lib/handler';
import { now } from './_lib/clock';
import { deadlinesOf, observationsForDeadlines, ownSheetDeadline, UNTRACKED } from './_lib/office/deadlines';
import { currentPolicy } from './_lib/office/policy';
import { requireOffice } from './_lib/office/scope';

type Item = TDeadline & { observationId: string; meetingId: string; mode: string; branchId: string; branchName: string };
interface Group { id: string; name: string; counts: Record<string, number>; items: Item[] }

function add(groups: Map<string, Group>, id: string, name: string, item: Item): void {
  const g = groups.get(id) ?? { id, name, counts: {}, items: [] };
  g.counts[item.state] = (g.counts[item.state] ?? 0) + 1;
  g.items.push(item);
  groups.set(id, g);
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
      const groups = new Map<string, Group>();
      const beyondCalendar: string[] = [];
      for (const o of await observationsForDeadlines(tx, query.year)) {
        const rows = deadlinesOf(o, at, policy);
        if (!rows) { beyondCalendar.push(o.id); continue; }
        const base = { observationId: o.id, meetingId: o.meeting_id, mode: o.mode, branchId: o.branch_id, branchName: o.branch_name };
        if (query.by === 'branch') {
          rows.filter((d) => query.state.includes(d.state)).forEach((d) => add(groups, o.branch_id, o.branch_name, { ...d, ...base }));
          continue;
        }
        const sheet = rows.find((d) => d.key === 'sheet_submission');
        const feedback = rows.find((d) => d.key === 'feedback_to_branch');
        for (const m of o.group) {
          const own = sheet ? [ownSheetDeadline(sheet, m.sheetAt, at, policy)] : [];
          const mine = m.isLeader && feedback ? [...own, feedback] : own;
          mine.filter((d) => query.state.includes(d.state)).forEach((d) => add(groups, m.personId, m.name ?? '', { ...d, ...base }));
        }
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
