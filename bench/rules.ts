// Figure 3: the yearly draw (drawSample, CALC-1) over 10,000 branches in 100 departments, and the
// yearly groups (assignObservers, CALC-2) for every drawn branch against a pool of 3,000 observers,
// loads carried from one group to the next as the office's schedule does: one batch call
// (assignObserverGroups: the pool parsed and bucketed once), and repeated single calls (each parses and
// sorts the whole pool) for comparison, time-boxed. In-process, pure functions.
import { randomUUID } from 'node:crypto';
import { assignObserverGroups, assignObservers, drawSample, type TPoolMember } from '@tingkan/shared';
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
function yearlyGroups(branchIds: string[], pool: TPoolMember[], budgetMs: number): { ok: number; failed: number; done: number; results: unknown[] } {
  const stopAt = now() + budgetMs;
  const load = new Map(pool.map((m) => [m.personId, 0]));
  let ok = 0;
  let failed = 0;
  const members = pool.map((m) => ({ ...m }));
  let done = 0;
  const results: unknown[] = [];
  for (const observedBranchId of branchIds) {
    if (now() > stopAt) break;
    done += 1;
    for (const m of members) m.load = load.get(m.personId) ?? 0;
    const r = assignObservers({ mode: 'pangting', observedBranchId, pool: members, seed: `2026-旁听-${observedBranchId}` });
    results.push(r);
    if (r.ok) {
      ok += 1;
      for (const id of r.observerIds) load.set(id, (load.get(id) ?? 0) + 1);
    } else failed += 1;
  }
  return { ok, failed, done, results };
}

const requestsFor = (branchIds: string[]) => branchIds.map((observedBranchId) => ({ mode: 'pangting' as const, observedBranchId, seed: `2026-旁听-${observedBranchId}` }));

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
  const per = median(single);
  record({ figure: `rules: assignObservers, one group from ${fmt(OBSERVERS)} observers`, value: ms(per), target: '< 500 ms', baseline: '-',
    ratio: (per / 500).toFixed(2), pass: per < 500 });

  // The year as repeated single calls: time-boxed, the rest extrapolated from the measured rate.
  const t0 = now();
  const year = yearlyGroups(drawn, pool, YEAR_BUDGET_MS);
  const measured = now() - t0;
  const singlesMs = (measured / year.done) * drawn.length;
  if (year.done < drawn.length) note(`rules: repeated single calls stopped after ${fmt(year.done)} of ${fmt(drawn.length)} groups (${ms(measured)}); the rest extrapolated to ${ms(singlesMs)}`);
  if (year.failed > 0) note(`rules: ${year.failed} of ${year.done} groups could not be formed`);

  // The year as one batch (the pool parsed and bucketed once), median of RUNS.
  assignObserverGroups({ pool, requests: requestsFor(drawn.slice(0, 50)) });
  const batchTimes: number[] = [];
  let batch: unknown[] = [];
  for (let i = 0; i < RUNS; i++) {
    const b0 = now();
    batch = assignObserverGroups({ pool, requests: requestsFor(drawn) });
    batchTimes.push(now() - b0);
  }
  const batchMs = median(batchTimes);
  // The batch must give the very groups the single calls gave (as far as they got).
  const same = year.results.every((r, i) => JSON.stringify(r) === JSON.stringify(batch[i]));
  note(`rules: the batch's first ${fmt(year.done)} groups ${same ? 'equal' : 'DIFFER FROM'} the repeated single calls'; ${batch.filter((r) => (r as { ok: boolean }).ok).length} of ${fmt(drawn.length)} groups formed`);
  record({ figure: `rules: assignObserverGroups, yearly schedule (${fmt(drawn.length)} groups, one batch)`, was: `rules: assignObservers, yearly schedule (${fmt(drawn.length)} groups)`, value: ms(batchMs),
    target: '< 500 ms', baseline: `repeated assignObservers ~${ms(singlesMs)} (${ms(per)} per group)`, ratio: (batchMs / 500).toFixed(2), pass: batchMs < 500 && same });
}
