import fc from 'fast-check';
import { drawSample, hashString, mulberry32, verifySample } from '@tingkan/shared';
import { codeOf, uid } from './fixtures';

/** 20 branches in 3 departments; even-numbered ones were observed last year. */
const branches = Array.from({ length: 20 }, (_, i) => ({ id: uid(i), departmentId: uid(100 + (i % 3)), observedLastYear: i % 2 === 0 }));

describe('hashString / mulberry32', () => {
  it('CALC-1: the PRNG is pinned: the same seed gives the same first numbers on every machine', () => {
    expect(hashString('2026')).toBe(hashString('2026'));
    const rng = mulberry32(1);
    expect([rng(), rng()].map((x) => x.toFixed(6))).toStrictEqual(['0.627074', '0.002736']);
  });
});

describe('drawSample', () => {
  it('CALC-1, OBS-3: 35% of 20 branches is 7, spread 3/2/2 over the departments, preferring branches not observed last year', () => {
    const r = drawSample({ branches, seed: '2026' });
    expect({ ...r, perDepartment: r.perDepartment.map((d) => [d.population, d.drawn]) }).toStrictEqual({
      branchIds: [uid(1), uid(3), uid(7), uid(9), uid(11), uid(15), uid(17)],
      seed: '2026', algorithm: 'strat-v1', rate: 0.35, population: 20, target: 7,
      perDepartment: [[7, 3], [7, 2], [6, 2]],
      inputFingerprint: r.inputFingerprint,
    });
    expect(r.branchIds.every((id) => !branches.find((b) => b.id === id)?.observedLastYear)).toBe(true);
  });
  it('CALC-1: a different seed gives a different draw of the same size', () => {
    const a = drawSample({ branches, seed: '2026' });
    const b = drawSample({ branches, seed: '2026-重抽' });
    expect([b.branchIds.length, b.branchIds.join() === a.branchIds.join()]).toStrictEqual([7, false]);
  });
  it('OBS-3: a department of one branch is still represented at a 35% rate', () => {
    const r = drawSample({ branches: [{ id: uid(1), departmentId: uid(100) }, ...Array.from({ length: 9 }, (_, i) => ({ id: uid(10 + i), departmentId: uid(200) }))], seed: 'x' });
    expect(r.perDepartment.map((d) => d.drawn)).toStrictEqual([1, 3]);
  });
  it('OBS-3 (policy): the rate comes from the policy unless given', () => {
    expect(drawSample({ branches, seed: 's' }, { samplingRate: 0.5 }).branchIds.length).toBe(10);
  });
  it.each([
    ['duplicate branch ids', { branches: [branches[0], branches[0]], seed: 's' }, 'DUPLICATE_MEMBER'],
    ['an empty seed', { branches, seed: ' ' }, 'VALIDATION_FAILED'],
    ['a negative rate', { branches, seed: 's', rate: -0.1 }, 'VALIDATION_FAILED'],
  ])('CALC-1: refuses %s', (_n, input, code) => {
    expect(codeOf(() => drawSample(input))).toBe(code);
  });
});

describe('verifySample', () => {
  it('CALC-1: anyone re-running the recorded seed gets the same branches; a tampered list fails', () => {
    const r = drawSample({ branches, seed: '2026' });
    expect(verifySample({ branches: [...branches].reverse() }, r)).toBe(true);
    expect(verifySample({ branches }, { ...r, branchIds: [...r.branchIds.slice(1), uid(0)] })).toBe(false);
  });
});

describe('drawSample (properties)', () => {
  const arbInput = fc.record({
    deps: fc.integer({ min: 1, max: 6 }),
    n: fc.integer({ min: 1, max: 80 }),
    rate: fc.double({ min: 0.05, max: 1, noNaN: true }),
    seed: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
    observed: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
  }).map(({ deps, n, rate, seed, observed }) => ({
    rate, seed,
    branches: Array.from({ length: n }, (_, i) => ({ id: uid(i), departmentId: uid(1000 + (i % deps)), observedLastYear: observed[i] ?? false })),
  }));

  it('CALC-1: same inputs in any order and same seed → same draw', () => {
    fc.assert(fc.property(arbInput, (input) => {
      const a = drawSample(input);
      const b = drawSample({ ...input, branches: [...input.branches].reverse() });
      return a.branchIds.join() === b.branchIds.join() && a.inputFingerprint === b.inputFingerprint;
    }));
  });
  it('OBS-3: the size is round(rate × N), raised only as far as one branch per department', () => {
    fc.assert(fc.property(arbInput, (input) => {
      const r = drawSample(input);
      const deps = new Set(input.branches.map((b) => b.departmentId)).size;
      const target = Math.round(input.rate * input.branches.length);
      return r.branchIds.length >= Math.min(target, input.branches.length) && r.branchIds.length <= Math.max(target, deps) + deps
        && new Set(r.branchIds).size === r.branchIds.length;
    }));
  });
  it('OBS-3: every department is represented', () => {
    fc.assert(fc.property(arbInput, (input) => {
      const r = drawSample(input);
      const drawnDeps = new Set(r.branchIds.map((id) => input.branches.find((b) => b.id === id)?.departmentId));
      return drawnDeps.size === new Set(input.branches.map((b) => b.departmentId)).size;
    }));
  });
  it('OBS-3: a branch observed last year is drawn only when its department has no unobserved branch left', () => {
    fc.assert(fc.property(arbInput, (input) => {
      const r = drawSample(input);
      return r.perDepartment.every((d) => {
        const fresh = input.branches.filter((b) => b.departmentId === d.departmentId && !b.observedLastYear).length;
        const drawnSeen = d.branchIds.filter((id) => input.branches.find((b) => b.id === id)?.observedLastYear).length;
        return drawnSeen === Math.max(0, d.drawn - fresh);
      });
    }));
  });
});
