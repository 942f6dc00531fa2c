// Figure 3: the yearly draw (drawSample, CALC-1) over 10,000 branches in 100 departments, and the
// yearly groups (assignObservers, CALC-2) for every drawn branch against a pool of 3,000 observers,
// loads carried from one group to the next as the office's schedule does. In-process, pure functions.
import { randomUUID } from 'node:crypto';
import { assignObservers, drawSample, type TPoolMember } from '@tingkan/shared';
import { fmt, median, ms, note, now, record } from './lib';

const BRANCHES = 10_000;
const DEPARTMENTS = 100;
const OBSERVERS = 3_000;
const RUNS = 3;
const YEAR_BUDGET_MS = 10_000;

function world() {
  const departments = Array.from({ length: DEPARTMENTS }, () => randomUUID());
  const branches = Array.from({ length: BRANCHES }, (_, i) => ({
    id: randomUUID(), departmentId: departments[i % DEPARTMENTS] as string, observedLastYear: i % 4 === 0,
  }));
  const units = Array.from({ length: 300 }, () => randomUUID());
  const pool: TPoolMember[] = Array.from({ length: OBSERVERS }, (_, i) => ({
    personId: randomUUID(), unitId: units[i % units.length] as string,
    branchIds: [branches[(i * 7) % BRANCHES]?.id as string],
    serves: i % 4 === 0 ? ['xunting', 'pangting'] : ['pangting'],
    roles: i % 10 === 0 ? ['office', 'party_affairs'] : i % 3 === 0 ? ['branch_leader'] : ['member_rep'],
    load: 0, available: i % 50 !== 0,
  }));
  return { branches, pool };
}

/** One group per drawn branch; each pick raises the picked observers' load for the next group. */
function yearlyGroups(branchIds: string[], pool: TPoolMember[], budgetMs: number): { ok: number; failed: number; done: number } {
  const stopAt = now() + budgetMs;
  const load = new Map(pool.map((m) => [m.personId, 0]));
  let ok = 0;
  let failed = 0;
  const members = pool.map((m) => ({ ...m }));
  let done = 0;
  for (const observedBranchId of branchIds) {
    if (now() > stopAt) break;
    done += 1;
    for (const m of members) m.load = load.get(m.personId) ?? 0;
    const r = assignObservers({ mode: 'pangting', observedBranchId, pool: members, seed: `2026-旁听-${observedBranchId}` });
    if (r.ok) {
      ok += 1;
      for (const id of r.observerIds) load.set(id, (load.get(id) ?? 0) + 1);
    } else failed += 1;
  }
  return { ok, failed, done };
}

export async function benchRules(): Promise<void> {
  const { branches, pool } = world();
  // drawSample
  const sampleTimes: number[] = [];
  let drawn: string[] = [];
  drawSample({ branches, seed: 'warm-up' });
  for (let i = 0; i < RUNS; i++) {
    const t0 = now();
    drawn = drawSample({ branches, seed: `2026-旁听-${i}` }).branchIds;
    sampleTimes.push(now() - t0);
  }
  const sample = median(sampleTimes);
  record({ figure: `rules: drawSample, ${fmt(BRANCHES)} branches in ${DEPARTMENTS} departments (${fmt(drawn.length)} drawn)`, value: ms(sample),
    target: '< 500 ms', baseline: '-', ratio: (sample / 500).toFixed(2), pass: sample < 500 });

  // assignObservers: one call (the endpoint's unit of work) and the whole year.
  const one = now();
  assignObservers({ mode: 'pangting', observedBranchId: drawn[0] as string, pool, seed: 'one' });
  const single: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = now();
    assignObservers({ mode: 'pangting', observedBranchId: drawn[i] as string, pool, seed: `one-${i}` });
    single.push(now() - t0);
  }
  note(`rules: first assignObservers call (cold) ${ms(now() - one)}`);
  const t0 = now();
  const year = yearlyGroups(drawn, pool, YEAR_BUDGET_MS);
  const measured = now() - t0;
  // Bounded: past the budget the remaining groups are extrapolated from the measured rate.
  const yearMs = (measured / year.done) * drawn.length;
  if (year.done < drawn.length) note(`rules: yearly schedule stopped after ${fmt(year.done)} of ${fmt(drawn.length)} groups (${ms(measured)}); the rest extrapolated`);
  const per = median(single);
  record({ figure: `rules: assignObservers, one group from ${fmt(OBSERVERS)} observers`, value: ms(per), target: '< 500 ms', baseline: '-',
    ratio: (per / 500).toFixed(2), pass: per < 500 });
  record({ figure: `rules: assignObservers, yearly schedule (${fmt(drawn.length)} groups)`, value: ms(yearMs),
    target: '< 500 ms', baseline: `${ms(per)} per group × ${fmt(drawn.length)}`, ratio: (yearMs / 500).toFixed(2), pass: yearMs < 500 });
  if (year.failed > 0) note(`rules: ${year.failed} of ${year.done} groups could not be formed`);
  note('rules: assignObservers parses (zod) and sorts the whole pool on every call, so a year costs groups × pool; a batch entry point that parses the pool once would remove most of it (shared/ is not the bench\'s to change)');
}
