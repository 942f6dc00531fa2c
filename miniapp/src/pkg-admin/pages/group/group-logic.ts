// CALC-2 / OBS-8: a hand-made group, and the conflicts of interest the server names per member.
import type { TGroupView, TObserver } from '../../../services/office/schemas';

export interface Pick { personId: string; isLeader: boolean }

export function initialPicks(group: TGroupView): Pick[] {
  return group.members.map((m) => ({ personId: m.personId, isLeader: m.isLeader }));
}

/** In or out of the group; the leader leaving hands the role to nobody (the server makes the first one leader). */
export function toggle(picks: Pick[], personId: string): Pick[] {
  return picks.some((p) => p.personId === personId)
    ? picks.filter((p) => p.personId !== personId)
    : [...picks, { personId, isLeader: false }];
}

export function makeLeader(picks: Pick[], personId: string): Pick[] {
  return picks.map((p) => ({ ...p, isLeader: p.personId === personId }));
}

/** Checks before sending: somebody in the group; the size and OBS-8 are the server's to judge. */
export function picksProblem(picks: Pick[]): string | null {
  if (picks.length === 0) return '请至少选择一名观察人员';
  if (picks.length > 10) return '观察小组最多 10 人';
  return null;
}

/**
 * The server names each refused member by position (members.2.personId); map it back to the person
 * so the page can mark them. Issues without a position go under ''.
 */
export function issuesByPerson(fields: readonly { path: string; message: string }[], picks: readonly Pick[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fields) {
    const m = /^members\.(\d+)\.personId$/.exec(f.path);
    const key = m ? picks[Number(m[1])]?.personId ?? '' : '';
    out.set(key, out.has(key) ? `${out.get(key)}；${f.message}` : f.message);
  }
  return out;
}

/**
 * The pool as the picker lists it, the chosen first, then by name; people already in the group but not
 * in this page of the pool (inactive, or past the first 100) are listed from the group itself.
 */
export function poolRows(
  pool: readonly TObserver[], picks: readonly Pick[], known: readonly { personId: string; name: string; unit: string | null }[] = [],
): { personId: string; name: string; detail: string; picked: boolean; leader: boolean }[] {
  const chosen = new Map(picks.map((p, i) => [p.personId, { i, leader: p.isLeader }]));
  const inPool = new Set(pool.map((o) => o.personId));
  const people = [
    ...pool.map((o) => ({ personId: o.personId, name: o.name, detail: `${o.unit} · ${o.post}` })),
    ...known.filter((k) => !inPool.has(k.personId)).map((k) => ({ personId: k.personId, name: k.name, detail: k.unit ?? '' })),
  ];
  return people
    .map((p) => ({ ...p, picked: chosen.has(p.personId), leader: chosen.get(p.personId)?.leader ?? false }))
    .sort((a, b) => Number(b.picked) - Number(a.picked)
      || (a.picked ? chosen.get(a.personId)!.i - chosen.get(b.personId)!.i : a.name.localeCompare(b.name, 'zh')));
}
