// The demo organisation tree (ORG-1), its people (ORG-2, ORG-3), office staff and observer pool (ORG-4).
// Everything is derived from the fixed specs below and one seeded PRNG stream, with ids from stable keys.
import { NameMaker, type Gender } from './names';
import { mulberry32, uuidFor } from './prng';
import { randomDate } from './dates';

export type OrgKind = 'work_committee' | 'department_committee' | 'general_branch' | 'branch' | 'party_group';
export type MemberStatus = 'full' | 'probationary' | 'activist' | 'candidate';
export type BranchRole = 'secretary' | 'deputy_secretary' | 'committee_member' | 'group_leader';

export interface Org { id: string; key: string; parentId: string | null; kind: OrgKind; name: string; hasCommittee: boolean; place: string; dept: string }
export interface Person { id: string; key: string; name: string; gender: Gender; mobile: string; unit: string; post: string; isLeadingCadre: boolean }
export interface Membership { personId: string; orgId: string; status: MemberStatus; roles: BranchRole[]; joinedOn: string }
export interface OfficeStaff { personId: string; scopeOrgId: string }
export interface Observer { id: string; personId: string; unit: string; post: string; servesXunting: boolean; servesPangting: boolean }
export interface OrgData { orgs: Org[]; people: Person[]; memberships: Membership[]; officeStaff: OfficeStaff[]; observers: Observer[] }

interface DeptSpec { key: string; name: string; unit: string; short: string; head: string; deputy: string; leadBody: string; building: string }
const DEPTS: readonly DeptSpec[] = [
  { key: 'fin', name: '滨江市财政局党组', unit: '滨江市财政局', short: '财政局', head: '局长', deputy: '副局长', leadBody: '党组', building: '财政大楼' },
  { key: 'edu', name: '滨江市教育局党委', unit: '滨江市教育局', short: '教育局', head: '局长', deputy: '副局长', leadBody: '党委', building: '教育局办公楼' },
  { key: 'hlt', name: '滨江市卫生健康委员会党委', unit: '滨江市卫生健康委员会', short: '卫健委', head: '主任', deputy: '副主任', leadBody: '党委', building: '卫健委办公楼' },
];

export interface BranchSpec {
  key: string; dept: string; name: string; sections: readonly string[]; size: number; committee: boolean; groups: number;
  underGeneral?: boolean; leaders?: boolean; prob: number; act: number; cand: number; room: string;
}
/** ≥12 branches: about half with a 支委会, five with 党小组s, two under the 总支. */
export const BRANCHES: readonly BranchSpec[] = [
  { key: 'fin-office', dept: 'fin', name: '财政局办公室党支部', sections: ['办公室', '人事教育科'], size: 16, committee: true, groups: 2, leaders: true, prob: 1, act: 0, cand: 1, room: '三楼第一会议室' },
  { key: 'fin-budget', dept: 'fin', name: '财政局预算科党支部', sections: ['预算科'], size: 14, committee: true, groups: 2, prob: 2, act: 1, cand: 0, room: '四楼第二会议室' },
  { key: 'fin-treasury', dept: 'fin', name: '财政局国库支付中心党支部', sections: ['国库支付中心'], size: 9, committee: false, groups: 0, prob: 1, act: 1, cand: 0, room: '二楼党员活动室' },
  { key: 'fin-tax', dept: 'fin', name: '财政局税政法规科党支部', sections: ['税政法规科'], size: 8, committee: false, groups: 0, underGeneral: true, prob: 0, act: 0, cand: 0, room: '五楼小会议室' },
  { key: 'fin-acct', dept: 'fin', name: '财政局会计科党支部', sections: ['会计科'], size: 10, committee: false, groups: 0, underGeneral: true, prob: 1, act: 0, cand: 0, room: '五楼小会议室' },
  { key: 'edu-first', dept: 'edu', name: '教育局机关第一党支部', sections: ['办公室', '组织人事科', '宣传科'], size: 18, committee: true, groups: 3, leaders: true, prob: 2, act: 1, cand: 1, room: '三楼会议室' },
  { key: 'edu-second', dept: 'edu', name: '教育局机关第二党支部', sections: ['计划财务科', '政策法规科'], size: 11, committee: false, groups: 0, prob: 1, act: 0, cand: 0, room: '二楼会议室' },
  { key: 'edu-basic', dept: 'edu', name: '教育局基础教育科党支部', sections: ['基础教育科'], size: 13, committee: true, groups: 0, prob: 1, act: 1, cand: 1, room: '四楼会议室' },
  { key: 'edu-research', dept: 'edu', name: '教育局教研室党支部', sections: ['教研室'], size: 12, committee: false, groups: 2, prob: 1, act: 1, cand: 0, room: '教研室二楼研讨室' },
  { key: 'hlt-office', dept: 'hlt', name: '卫健委办公室党支部', sections: ['办公室', '人事科'], size: 15, committee: true, groups: 2, leaders: true, prob: 1, act: 0, cand: 1, room: '六楼党建活动室' },
  { key: 'hlt-medical', dept: 'hlt', name: '卫健委医政医管科党支部', sections: ['医政医管科'], size: 9, committee: false, groups: 0, prob: 0, act: 1, cand: 0, room: '七楼会议室' },
  { key: 'hlt-cdc', dept: 'hlt', name: '卫健委疾病预防控制科党支部', sections: ['疾病预防控制科'], size: 10, committee: true, groups: 0, prob: 1, act: 0, cand: 0, room: '五楼会议室' },
  { key: 'hlt-plan', dept: 'hlt', name: '卫健委规划信息科党支部', sections: ['规划发展与信息化科'], size: 9, committee: false, groups: 0, prob: 1, act: 0, cand: 0, room: '五楼会议室' },
];

const GROUP_NAMES = ['第一党小组', '第二党小组', '第三党小组'] as const;
const RANKS = ['一级主任科员', '二级主任科员', '三级主任科员', '四级主任科员', '一级科员', '二级科员'] as const;
/** Recent joiners (transfers in, new 预备党员): ATT-1's six months have not run yet for them. */
export const RECENT_FROM = '2026-06-23';
const TODAY = '2026-11-23';

export function buildOrgData(): OrgData {
  const rng = mulberry32(20261123);
  const names = new NameMaker(rng);
  const orgs: Org[] = [];
  const people: Person[] = [];
  const memberships: Membership[] = [];
  const officeStaff: OfficeStaff[] = [];
  const observers: Observer[] = [];

  const addOrg = (key: string, parent: Org | null, kind: OrgKind, name: string, hasCommittee: boolean, place: string, dept: string): Org => {
    const org: Org = { id: uuidFor(`org:${key}`), key, parentId: parent?.id ?? null, kind, name, hasCommittee, place, dept };
    orgs.push(org);
    return org;
  };
  const addPerson = (key: string, unit: string, post: string, isLeadingCadre = false): Person => {
    const gender = names.gender();
    const person: Person = { id: uuidFor(`person:${key}`), key, name: names.name(gender), gender, mobile: names.mobile(), unit, post, isLeadingCadre };
    people.push(person);
    return person;
  };
  const addObserver = (person: Person, unit: string, post: string, servesXunting: boolean, servesPangting: boolean): void => {
    observers.push({ id: uuidFor(`observer:${person.key}`), personId: person.id, unit, post, servesXunting, servesPangting });
  };

  const root = addOrg('wc', null, 'work_committee', '滨江市直机关工委', true, '市行政中心二号楼八楼会议室', 'wc');
  // The 工委 office: two staff, scoped to the whole tree; they sit in the observer pool too.
  for (const [i, post] of (['办公室主任', '办公室一级主任科员'] as const).entries()) {
    const p = addPerson(`wc:${i}`, '滨江市直机关工委', post);
    officeStaff.push({ personId: p.id, scopeOrgId: root.id });
    addObserver(p, '滨江市直机关工委', post, true, true);
  }
  // Pool members from outside the branches (OBS-2: committee members and full-time party workers).
  const POOL_EXTRA: ReadonlyArray<readonly [string, string, boolean, boolean]> = [
    ['滨江市直机关工委', '组织部副部长', true, false],
    ['滨江市直机关工委', '宣传部部长', true, true],
    ['滨江市直机关工委', '机关纪工委副书记', true, false],
    ['中共滨江市委组织部', '组织一科四级调研员', true, true],
    ['滨江市直机关工委', '基层党建指导员', false, true],
  ];
  for (const [i, [unit, post, x, pt]] of POOL_EXTRA.entries()) addObserver(addPerson(`pool:${i}`, unit, post), unit, post, x, pt);

  const deptOrgs = new Map<string, Org>();
  for (const d of DEPTS) deptOrgs.set(d.key, addOrg(d.key, root, 'department_committee', d.name, true, `${d.building}一楼大会议室`, d.key));
  const finDept = deptOrgs.get('fin') as Org;
  const general = addOrg('fin-general', finDept, 'general_branch', '财政局业务综合党总支', true, '财政大楼五楼小会议室', 'fin');

  const byBranch = new Map<string, { org: Org; members: Array<{ person: Person; m: Membership }> }>();
  for (const spec of BRANCHES) {
    const dept = DEPTS.find((d) => d.key === spec.dept) as DeptSpec;
    const deptOrg = deptOrgs.get(spec.dept) as Org;
    const org = addOrg(spec.key, spec.underGeneral ? general : deptOrg, 'branch', spec.name, spec.committee, `${dept.building}${spec.room}`, spec.dept);
    const members: Array<{ person: Person; m: Membership }> = [];
    const committeeSize = !spec.committee ? 1 : spec.size >= 14 ? 5 : 3;
    const nonMembers = spec.act + spec.cand;
    for (let i = 0; i < spec.size; i += 1) {
      const section = spec.sections[i % spec.sections.length] as string;
      const leading = spec.leaders === true && i >= committeeSize && i < committeeSize + 3;
      let post: string;
      if (leading) post = i === committeeSize ? `${dept.leadBody}书记、${dept.head}` : `${dept.leadBody}成员、${dept.deputy}`;
      else if (i === 0) post = section === '办公室' ? '办公室主任' : `${section}${section.endsWith('中心') || section === '教研室' ? '主任' : '科长'}`;
      else if (i < committeeSize) post = `${section}${section.endsWith('中心') || section === '教研室' || section === '办公室' ? '副主任' : '副科长'}`;
      else post = section === '教研室' ? rng.pick(['教研员', '高级教师', '一级教师']) : `${section}${rng.pick(RANKS)}`;
      const person = addPerson(`${spec.key}:${i}`, dept.unit, post, leading);
      // Status: the tail of the list holds the non-members, just before them the 预备党员.
      const fromEnd = spec.size - 1 - i;
      let status: MemberStatus = 'full';
      if (fromEnd < spec.cand) status = 'candidate';
      else if (fromEnd < nonMembers) status = 'activist';
      else if (fromEnd < nonMembers + spec.prob) status = 'probationary';
      const roles: BranchRole[] = [];
      if (i === 0) roles.push('secretary');
      else if (i === 1 && committeeSize === 5) roles.push('deputy_secretary');
      else if (i < committeeSize) roles.push('committee_member');
      let joinedOn: string;
      if (status === 'probationary') joinedOn = randomDate(rng, '2025-12-01', '2026-09-30');
      else if (status === 'activist') joinedOn = randomDate(rng, '2025-03-01', '2026-05-31');
      else if (status === 'candidate') joinedOn = randomDate(rng, '2024-09-01', '2025-06-30');
      else if (i < committeeSize) joinedOn = randomDate(rng, '1996-01-01', '2015-12-31');
      else joinedOn = randomDate(rng, '1998-01-01', '2024-12-31');
      const m: Membership = { personId: person.id, orgId: org.id, status, roles, joinedOn };
      memberships.push(m);
      members.push({ person, m });
    }
    byBranch.set(spec.key, { org, members });
  }

  // A few full members transferred in recently (ATT-1 edge cases: fewer than six months of meetings).
  for (const [key, index, date] of [['fin-budget', 9, '2026-07-06'], ['edu-second', 6, '2026-09-14'], ['hlt-office', 11, '2026-10-12']] as const) {
    const m = byBranch.get(key)?.members[index]?.m;
    if (!m || m.status !== 'full' || m.roles.length > 0) throw new Error(`no ordinary full member ${key}:${index}`);
    m.joinedOn = date;
  }

  // 党小组s: the party members (full and probationary) dealt round-robin; a full ordinary member leads each group.
  for (const spec of BRANCHES) {
    if (spec.groups === 0) continue;
    const branch = byBranch.get(spec.key) as { org: Org; members: Array<{ person: Person; m: Membership }> };
    const groupOrgs = GROUP_NAMES.slice(0, spec.groups).map((g, gi) =>
      addOrg(`${spec.key}:g${gi + 1}`, branch.org, 'party_group', g, false, branch.org.place, spec.dept));
    const partyMembers = branch.members.filter((x) => x.m.status === 'full' || x.m.status === 'probationary');
    const led = new Set<number>();
    partyMembers.forEach((x, idx) => {
      const gi = idx % spec.groups;
      const isLeader = !led.has(gi) && x.m.status === 'full' && x.m.roles.length === 0 && !x.person.isLeadingCadre;
      if (isLeader) led.add(gi);
      const g = groupOrgs[gi] as Org;
      memberships.push({ personId: x.person.id, orgId: g.id, status: x.m.status, roles: isLeader ? ['group_leader'] : [], joinedOn: x.m.joinedOn });
    });
    if (led.size !== spec.groups) throw new Error(`a group of ${spec.key} has no leader`);
  }

  // The 总支 committee: the two branch secretaries below it and one more member, also in their own branch.
  const tax = byBranch.get('fin-tax')?.members ?? [];
  const acct = byBranch.get('fin-acct')?.members ?? [];
  for (const [x, role] of [[acct[0], 'secretary'], [tax[0], 'committee_member'], [acct[1], 'committee_member']] as const) {
    if (!x) throw new Error('总支 member missing');
    memberships.push({ personId: x.person.id, orgId: general.id, status: 'full', roles: [role], joinedOn: '2023-03-15' });
  }

  // Department office staff (机关党委办): an ordinary member of the department's office branch, scoped to the department.
  for (const [dept, branchKey, index, post] of [['fin', 'fin-office', 8, '机关党委办公室主任'], ['edu', 'edu-first', 9, '机关党委专职副书记'], ['hlt', 'hlt-office', 8, '机关党委办公室副主任']] as const) {
    const x = byBranch.get(branchKey)?.members[index];
    if (!x || x.m.roles.length > 0 || x.person.isLeadingCadre || x.m.status !== 'full') throw new Error(`no office staff ${branchKey}:${index}`);
    x.person.post = post;
    officeStaff.push({ personId: x.person.id, scopeOrgId: (deptOrgs.get(dept) as Org).id });
    addObserver(x.person, x.person.unit, post, true, true);
  }

  // Branch leaders in the pool (OBS-3, OBS-5): one committee member of each committee branch, and the
  // secretaries of four branches without a committee.
  for (const spec of BRANCHES) {
    const members = byBranch.get(spec.key)?.members ?? [];
    const short = spec.name.replace(/党支部$/, '');
    if (spec.committee) {
      const x = members[1] as { person: Person; m: Membership };
      const label = x.m.roles.includes('deputy_secretary') ? '党支部副书记' : '党支部委员';
      addObserver(x.person, x.person.unit, `${x.person.post}、${label}`, rng.chance(0.3), true);
    } else if (['fin-treasury', 'edu-second', 'edu-research', 'hlt-medical'].includes(spec.key)) {
      const x = members[0] as { person: Person; m: Membership };
      addObserver(x.person, x.person.unit, `${short}党支部书记`, false, true);
    }
  }

  for (const m of memberships) if (m.joinedOn > TODAY) throw new Error('joined in the future');
  return { orgs, people, memberships, officeStaff, observers };
}
