// CALC-4: per branch and period, MTG-1..7 met / missing / pending / exempt, ATT-1 flags and OBS-2..4 coverage.
import { DomainError, periodOf, toDateString, ZComplianceQuery, type TPeriod } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { absenceByBranch, applyExemptions, coverage, exemptionsFor, heldMeetings, run } from '../_lib/office/compliance';
import { currentPolicy } from '../_lib/office/policy';
import { branchesUnder, scopeRoot, yearRange } from '../_lib/office/scope';

function periodFrom(q: { year: number; month?: number; period?: 'month' | 'quarter' | 'year'; quarter?: number }, today: string): TPeriod {
  const unit = q.period ?? (q.month ? 'month' : 'year');
  if (unit === 'year') return periodOf('year', `${q.year}-01-01`);
  if (unit === 'month') {
    if (!q.month) throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'month', message: '按月统计须指定月份' }]);
    return periodOf('month', `${q.year}-${String(q.month).padStart(2, '0')}-01`);
  }
  const quarter = q.quarter ?? (today.startsWith(`${q.year}-`) ? Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1 : 4);
  return periodOf('quarter', `${q.year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`);
}

export default handler({
  // GET /api/compliance?year=&month= | &period=quarter&quarter= | &period=year, &orgId=&limit=&offset=
  GET: endpoint({
    auth: 'user',
    query: ZComplianceQuery,
    async run({ query, tx }) {
      const root = await scopeRoot(tx, query.orgId);
      const policy = await currentPolicy(tx);
      const today = toDateString(now().toISOString());
      const period = periodFrom(query, today);
      // Windows still open today are pending; a period in the future is all pending.
      const asOf = today < period.start ? period.start : today > period.end ? period.end : today;
      const all = (await branchesUnder(tx, root)).branches;
      const page = all.slice(query.offset, query.offset + query.limit);
      const ids = page.map((b) => b.id);
      const [meetings, exemptions, absence, cover] = [
        await heldMeetings(tx, ids, period, policy),
        await exemptionsFor(tx, ids, period),
        await absenceByBranch(tx, ids, asOf, policy),
        await coverage(tx, all, query.year, ...yearRange(query.year)),
      ];
      const branches = page.map((b) => {
        const own = exemptions.filter((e) => e.orgId === b.id);
        const result = applyExemptions(run(b, period, asOf, meetings.get(b.id) ?? [], policy), own);
        const modes = cover.modes.get(b.id) ?? new Set();
        return {
          orgId: b.id, name: b.name, departmentId: b.departmentId, departmentName: b.departmentName, hasCommittee: b.hasCommittee,
          ...result, exemptions: own,
          absence: absence.get(b.id) ?? { windowStart: null, flagged: [], checked: 0 },
          observed: { xunting: modes.has('xunting'), pangting: modes.has('pangting'), guancha: modes.has('guancha') },
        };
      });
      return { period, asOf, total: all.length, limit: query.limit, offset: query.offset, coverage: cover.summary, branches };
    },
  }),
});
