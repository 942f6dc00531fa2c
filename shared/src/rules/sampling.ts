// CALC-1 / OBS-3: the yearly 旁听 draw. Reproducible: same branches + seed + rate → same result,
// whatever the order the branches come in. Algorithm 'strat-v1':
//  1. target = round(rate × N); each department gets max(1, floor(rate × N_d)) (so every department
//     is represented, OBS-3 + OBS-4), then the remaining places go to the largest remainders
//     (ties: department id), never more than a department has.
//  2. Within a department, branches sorted by id are shuffled by mulberry32(xmur3(seed|department));
//     those not observed last year come first, so they are preferred.
import { parsePolicy, type TPolicyInput } from '../policy';
import { SAMPLING_ALGORITHM, ZSampleInput, type TSampleResult } from '../schemas/sampling';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';
import { fingerprint, rngFromSeed, shuffle } from './prng';

type Branch = { id: string; departmentId: string; observedLastYear: boolean };

function allocate(groups: [string, Branch[]][], rate: number, total: number): Map<string, number> {
  const target = Math.round(rate * total);
  const quota = new Map<string, number>();
  const remainders: { dep: string; rem: number }[] = [];
  for (const [dep, list] of groups) {
    const exact = rate * list.length;
    quota.set(dep, Math.min(list.length, Math.max(1, Math.floor(exact + 1e-9))));
    remainders.push({ dep, rem: exact - Math.floor(exact + 1e-9) });
  }
  let sum = [...quota.values()].reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.rem - a.rem || (a.dep < b.dep ? -1 : 1));
  for (const { dep } of remainders) {
    if (sum >= target) break;
    const size = groups.find(([d]) => d === dep)?.[1].length ?? 0;
    const q = quota.get(dep) ?? 0;
    if (q < size) { quota.set(dep, q + 1); sum += 1; }
  }
  return quota;
}

/** CALC-1 / OBS-3: draw about `rate` of the branches for 旁听, stratified by department. */
export function drawSample(input: unknown, policyInput: TPolicyInput = {}): TSampleResult {
  const parsed = parseRuleInput(ZSampleInput, input);
  const rate = parsed.rate ?? parsePolicy(policyInput).samplingRate;
  assertUniqueIds(parsed.branches.map((b) => b.id), '支部');
  const branches = parsed.branches.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const byDep = new Map<string, Branch[]>();
  for (const b of branches) byDep.set(b.departmentId, [...(byDep.get(b.departmentId) ?? []), b]);
  const groups = [...byDep.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const quota = allocate(groups, rate, branches.length);
  const perDepartment = groups.map(([departmentId, list]) => {
    const rng = rngFromSeed(`${parsed.seed}|${departmentId}`);
    const fresh = shuffle(list.filter((b) => !b.observedLastYear), rng);
    const seen = shuffle(list.filter((b) => b.observedLastYear), rng);
    const drawn = [...fresh, ...seen].slice(0, quota.get(departmentId) ?? 0).map((b) => b.id).sort();
    return { departmentId, population: list.length, drawn: drawn.length, branchIds: drawn };
  });
  return {
    branchIds: perDepartment.flatMap((d) => d.branchIds).sort(),
    seed: parsed.seed,
    algorithm: SAMPLING_ALGORITHM,
    rate,
    population: branches.length,
    target: Math.round(rate * branches.length),
    perDepartment,
    inputFingerprint: inputFingerprint(branches, rate),
  };
}

/** `branches` sorted by id, so the fingerprint does not depend on the order they came in. */
function inputFingerprint(branches: Branch[], rate: number): string {
  const canonical = branches.map((b) => `${b.id}:${b.departmentId}:${b.observedLastYear ? 1 : 0}`).join(',');
  return fingerprint(`${canonical}|${rate}`);
}

export type TDrawSummary = Pick<TSampleResult, 'population' | 'target' | 'inputFingerprint'> & {
  perDepartment: { departmentId: string; population: number; drawn: number }[];
};

/**
 * CALC-1: a stored draw described from its stored inputs and recorded branches, without re-running it
 * (a draw that does not follow from its inputs is still shown as recorded; verifySample says so).
 */
export function describeDraw(inputs: { branches: Branch[]; rate: number }, branchIds: string[]): TDrawSummary {
  const branches = inputs.branches.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  const departmentOf = new Map(branches.map((b) => [b.id, b.departmentId]));
  const perDepartment = new Map<string, { departmentId: string; population: number; drawn: number }>();
  const of = (departmentId: string) => {
    const d = perDepartment.get(departmentId) ?? { departmentId, population: 0, drawn: 0 };
    perDepartment.set(departmentId, d);
    return d;
  };
  for (const b of branches) of(b.departmentId).population += 1;
  for (const id of branchIds) of(departmentOf.get(id) ?? '').drawn += 1;
  return {
    population: branches.length,
    target: Math.round(inputs.rate * branches.length),
    perDepartment: [...perDepartment.values()].sort((a, b) => (a.departmentId < b.departmentId ? -1 : 1)),
    inputFingerprint: inputFingerprint(branches, inputs.rate),
  };
}

/** CALC-1: anyone can check a recorded draw by re-running it with the same inputs. */
export function verifySample(input: unknown, recorded: Pick<TSampleResult, 'branchIds' | 'seed' | 'algorithm'>, policyInput: TPolicyInput = {}): boolean {
  if (recorded.algorithm !== SAMPLING_ALGORITHM) return false;
  const again = drawSample({ ...(input as object), seed: recorded.seed }, policyInput);
  const want = recorded.branchIds.slice().sort();
  return again.branchIds.length === want.length && again.branchIds.every((id, i) => id === want[i]);
}
