// The demo logins the local server prints at start, taken from the seed's own data so ids cannot drift.
import { buildOrgData, type OrgData, type Person } from './org';

export interface DemoLogin {
  /** people.id in supabase/seed.sql. */
  id: string;
  name: string;
  /** Who this is, in Chinese, for the start-up banner. */
  label: string;
}

function demoLogins(data: OrgData): DemoLogin[] {
  const person = (key: string): Person => {
    const p = data.people.find((x) => x.key === key);
    if (!p) throw new Error(`demo login ${key} is not in the seed`);
    return p;
  };
  const login = (key: string, label: (name: string) => string): DemoLogin => {
    const p = person(key);
    return { id: p.id, name: p.name, label: label(p.name) };
  };
  const budget = data.orgs.find((o) => o.key === 'fin-budget');
  const inBudget = data.memberships.filter((m) => m.orgId === budget?.id);
  const probationary = inBudget.find((m) => m.status === 'probationary');
  const groupOne = data.orgs.find((o) => o.key === 'fin-budget:g1');
  const groupLeader = data.memberships.find((m) => m.orgId === groupOne?.id && m.roles.includes('group_leader'));
  const groupLeaders = new Set(data.memberships.filter((m) => m.roles.includes('group_leader')).map((m) => m.personId));
  const ordinary = inBudget.find((m) => m.status === 'full' && m.roles.length === 0 && !groupLeaders.has(m.personId) && m.joinedOn < '2026-01-01');
  const keyOf = (personId: string | undefined): string => data.people.find((p) => p.id === personId)?.key ?? '?';
  return [
    login('wc:0', (n) => `工委办公室 ${n}`),
    login('fin-office:8', (n) => `财政局机关党委办 ${n}`),
    login('fin-budget:0', (n) => `预算科党支部书记 ${n}`),
    login(keyOf(groupLeader?.personId), (n) => `预算科党支部第一党小组组长 ${n}`),
    login(keyOf(ordinary?.personId), (n) => `预算科党支部 党员 ${n}`),
    login(keyOf(probationary?.personId), (n) => `预算科党支部 预备党员 ${n}`),
    login('pool:0', (n) => `观察员 ${n}（工委组织部副部长）`),
    login('fin-office:5', (n) => `党员领导干部 ${n}（财政局局长）`),
  ];
}

export const DEMO_LOGINS: readonly DemoLogin[] = demoLogins(buildOrgData());
