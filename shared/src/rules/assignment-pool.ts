// CALC-2 for many groups at once: the observer pool validated once and kept as lists per slot
// (who may serve as an observer of each mode, as office staff or as the invited committee member of
// a 观察员 group), each bucketed by load. A group then costs the least-loaded bucket of its slot, not
// a parse and a sort of the whole pool: a year of 3,500 groups from 3,000 people stays in the
// milliseconds. The order is exactly assignObservers' own: load, then the seeded tie-break, then pool order.
import type * as z from 'zod';
import type { ZPoolMember, TPoolRole } from '../schemas/assignment';
import type { TObservationMode } from '../schemas/common';
import { assertUniqueIds } from './org';
import { hashString } from './prng';

export type Member = z.infer<typeof ZPoolMember>;
export type Slot = 'observer' | 'office' | 'invited_committee_member';

/**
 * assign-v2's tie-break among equally loaded people: xmur3 (hashString) of each person id once per
 * pool and of the group's seed once per group, mixed by murmur3's 32-bit finaliser. Every seed orders
 * the people differently (nobody is always first in line), at a few multiplications per person.
 * assign-v1 hashed the string "seed|id" for every person of every group: a year of 3,500 groups from
 * 3,000 people hashed 5.5 million strings (1 s of the 2-core bench machine, issue 7).
 */
export function tieBreak(seedHash: number, idHash: number): number {
  let h = (seedHash ^ idHash) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The people who may fill one slot, bucketed by load; and how many of them belong to each branch (OBS-8). */
class SlotList {
  private readonly buckets = new Map<number, number[]>();
  /** Where each pool index sits in its bucket (-1: not in this slot). */
  private readonly pos: Int32Array;
  private readonly perBranch = new Map<string, number>();
  private count = 0;

  constructor(poolSize: number) {
    this.pos = new Int32Array(poolSize).fill(-1);
  }

  add(index: number, load: number, branchIds: readonly string[]): void {
    this.put(index, load);
    for (const b of new Set(branchIds)) this.perBranch.set(b, (this.perBranch.get(b) ?? 0) + 1);
    this.count += 1;
  }

  move(index: number, from: number, to: number): void {
    const old = this.buckets.get(from);
    const at = this.pos[index] ?? -1;
    if (!old || at < 0 || old[at] !== index) return;
    const last = old.pop() as number;
    if (last !== index) {
      old[at] = last;
      this.pos[last] = at;
    }
    this.put(index, to);
  }

  /** How many could serve a group observing this branch. */
  countOutside(branchId: string): number {
    return this.count - (this.perBranch.get(branchId) ?? 0);
  }

  /** Buckets from the least loaded up (each in no particular order: ties are broken by pool index). */
  byLoad(): number[][] {
    return [...this.buckets.keys()].sort((a, b) => a - b).map((l) => this.buckets.get(l) as number[]).filter((b) => b.length > 0);
  }

  private put(index: number, load: number): void {
    let b = this.buckets.get(load);
    if (!b) this.buckets.set(load, (b = []));
    this.pos[index] = b.length;
    b.push(index);
  }
}

/** One group's view of a slot list: the people outside the observed branch, in assignObservers' order. */
export interface Ordered {
  /** The first n in order (fewer when the slot runs out). */
  first(n: number): number[];
  /** The first in order that satisfies pred. */
  find(pred: (index: number) => boolean): number | undefined;
}

export class PreparedPool {
  readonly members: Member[];
  private readonly loads: Int32Array;
  private readonly indexOf: Map<string, number>;
  private readonly byBranch = new Map<string, number[]>();
  /** hashString of each person id, for the tie-break. */
  private readonly idHash: Uint32Array;
  /** Scratch: the observed branch's people while one group is formed. */
  private readonly inObserved: Uint8Array;
  private readonly lists = new Map<string, SlotList>();

  constructor(members: Member[], rolesByMode: Record<TObservationMode, readonly TPoolRole[]>) {
    assertUniqueIds(members.map((m) => m.personId), '人员库');
    this.members = members;
    this.loads = Int32Array.from(members, (m) => m.load);
    this.indexOf = new Map(members.map((m, i) => [m.personId, i]));
    this.inObserved = new Uint8Array(members.length);
    this.idHash = Uint32Array.from(members, (m) => hashString(m.personId));
    members.forEach((m, i) => {
      for (const b of new Set(m.branchIds)) {
        const list = this.byBranch.get(b);
        if (list) list.push(i);
        else this.byBranch.set(b, [i]);
      }
      if (!m.available) return;
      for (const mode of new Set(m.serves)) {
        if (!m.roles.some((r) => rolesByMode[mode].includes(r))) continue;
        if (mode !== 'guancha') this.list(mode, 'observer').add(i, m.load, m.branchIds);
        else if (m.roles.includes('office')) this.list(mode, 'office').add(i, m.load, m.branchIds);
        else if (m.roles.includes('branch_committee')) this.list(mode, 'invited_committee_member').add(i, m.load, m.branchIds);
      }
    });
  }

  list(mode: TObservationMode, slot: Slot): SlotList {
    const k = `${mode}/${slot}`;
    let l = this.lists.get(k);
    if (!l) this.lists.set(k, (l = new SlotList(this.members.length)));
    return l;
  }

  /** OBS-8: the next group sees each picked person with one more observation this year. */
  addLoad(personIds: readonly string[]): void {
    for (const id of new Set(personIds)) {
      const i = this.indexOf.get(id);
      if (i === undefined) continue;
      const from = this.loads[i] as number;
      this.loads[i] = from + 1;
      for (const l of this.lists.values()) l.move(i, from, from + 1);
    }
  }

  /** The slot in order: least load first, then the seeded tie-break, then pool order. */
  ordered(list: SlotList, observedBranchId: string, seed: string): Ordered {
    const { idHash, inObserved } = this;
    const seedHash = hashString(seed);
    const key = (i: number) => tieBreak(seedHash, idHash[i] as number);
    const observed = this.byBranch.get(observedBranchId) ?? [];
    const mark = (v: 0 | 1) => observed.forEach((i) => { inObserved[i] = v; });
    return {
      first(n) {
        const out: number[] = [];
        mark(1); // OBS-8: the observed branch's people are skipped
        for (const bucket of list.byLoad()) {
          const need = n - out.length;
          if (need <= 0) break;
          // Only the best `need` of the bucket are kept: a group is 2-5 people, a bucket thousands.
          const bestI = new Int32Array(need);
          const bestK = new Float64Array(need);
          let count = 0;
          // The worst key kept so far: most people are rejected by this one comparison.
          let worst = Infinity;
          for (let j = 0; j < bucket.length; j += 1) {
            const i = bucket[j] as number;
            if (inObserved[i] === 1) continue;
            const k = tieBreak(seedHash, idHash[i] as number);
            if (k > worst || (k === worst && i > (bestI[need - 1] as number))) continue;
            let at = count < need ? count++ : need - 1;
            while (at > 0 && (k < (bestK[at - 1] as number) || (k === bestK[at - 1] && i < (bestI[at - 1] as number)))) {
              bestK[at] = bestK[at - 1] as number;
              bestI[at] = bestI[at - 1] as number;
              at -= 1;
            }
            bestK[at] = k;
            bestI[at] = i;
            if (count === need) worst = bestK[need - 1] as number;
          }
          for (let c = 0; c < count; c += 1) out.push(bestI[c] as number);
        }
        mark(0);
        return out;
      },
      find(pred) {
        mark(1);
        let best = -1;
        for (const bucket of list.byLoad()) {
          let bestK = 0;
          for (let j = 0; j < bucket.length; j += 1) {
            const i = bucket[j] as number;
            if (inObserved[i] === 1 || !pred(i)) continue;
            const k = key(i);
            if (best < 0 || k < bestK || (k === bestK && i < best)) { best = i; bestK = k; }
          }
          if (best >= 0) break;
        }
        mark(0);
        return best >= 0 ? best : undefined;
      },
    };
  }
}
