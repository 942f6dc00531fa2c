// Bulk import of people (ORG-2, ORG-3) and the observer pool (ORG-4, 000 annex 2 人员库) from a sheet
// laid out like the documents' forms. Every row is checked with these schemas; a file with any bad
// row writes nothing, and the per-row report says which cell is wrong and why, in Chinese.
import * as z from 'zod';
import { ZBranchRole, ZMemberStatus, ZOrgKind, type TBranchRole, type TMemberStatus, type TOrgKind } from './common';
import { ZGender, ZMobile } from './office';

export const IMPORT_MAX_ROWS = 5000;

export const ZImportKind = z.enum(['people', 'observers']);
export type TImportKind = z.infer<typeof ZImportKind>;

export const ZImportRequest = z.object({
  fileName: z.string().trim().max(200).refine((f) => /\.(xlsx|csv)$/i.test(f), { message: '只支持 .xlsx 或 .csv 文件' }),
  /** The file itself, base64 (the body limit keeps it under about 1 MB). */
  contentBase64: z.string().min(1, '文件是空的').max(1_400_000, '文件太大'),
}).strict();
export type TImportRequest = z.infer<typeof ZImportRequest>;

export const ZImportQuery = z.object({
  kind: ZImportKind,
  dryRun: z.enum(['0', '1', 'true', 'false']).optional().transform((v) => v === '1' || v === 'true'),
}).strict();

// ── columns: the forms' headers (and the usual variants) → field names ──────
/** Headers are compared after dropping spaces, line breaks, `<br>` and brackets: "巡听<br>(旁听)" → "巡听旁听". */
export function normaliseHeader(header: string): string {
  return header.replace(/<br\s*\/?>/gi, '').replace(/[\s()（）/／、:：*＊]/g, '').trim();
}

export const PEOPLE_COLUMNS = {
  name: ['姓名'],
  gender: ['性别'],
  mobile: ['手机号码', '手机号', '手机', '联系电话'],
  org: ['所在党组织', '党组织', '所在支部', '所在党支部'],
  status: ['党员状态', '政治面貌', '人员类别'],
  roles: ['职务', '党内职务'],
  unit: ['单位', '工作单位'],
} as const;

export const OBSERVER_COLUMNS = {
  name: ['姓名'],
  gender: ['性别'],
  unitAndPost: ['单位及职务', '单位和职务'],
  unit: ['单位', '工作单位'],
  post: ['职务'],
  mobile: ['手机号码', '手机号', '手机', '联系电话'],
  serves: ['巡听旁听', '巡听或旁听', '参与方式'],
} as const;

/** The column each field is reported under (the form's own header). */
export const COLUMN_LABEL_ZH: Record<string, string> = {
  name: '姓名', gender: '性别', mobile: '手机号码', org: '所在党组织', status: '党员状态', roles: '职务', unit: '单位',
  unitAndPost: '单位及职务', post: '职务', serves: '巡听/旁听',
};

// ── cell values → codes ─────────────────────────────────────────────────────
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const required = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);
const text = (max: number) => z.string({ error: '必填' }).min(1, '必填').max(max, `最多 ${max} 个字符`);

const GENDER_ZH: Record<string, string> = { 男: 'male', 女: 'female' };
const STATUS_ZH: Record<string, TMemberStatus> = {
  正式党员: 'full', 中共党员: 'full', 党员: 'full', 预备党员: 'probationary', 中共预备党员: 'probationary',
  入党积极分子: 'activist', 积极分子: 'activist', 发展对象: 'candidate', 群众: 'non_member', 群众代表: 'non_member',
};
const ROLE_ZH: Record<string, TBranchRole> = {
  书记: 'secretary', 支部书记: 'secretary', 副书记: 'deputy_secretary', 支部副书记: 'deputy_secretary',
  委员: 'committee_member', 支委: 'committee_member', 支部委员: 'committee_member', 党小组长: 'group_leader', 组长: 'group_leader',
};
const NO_ROLE = new Set(['无', '党员', '-', '—', '/']);

const ZGenderCell = z.preprocess((v) => {
  const t = blankToUndefined(v);
  return typeof t === 'string' ? (GENDER_ZH[t] ?? t) : t;
}, ZGender.optional());

const ZStatusCell = z.preprocess((v) => {
  const t = blankToUndefined(v);
  return typeof t === 'string' ? (STATUS_ZH[t] ?? t) : t;
}, z.enum(ZMemberStatus.options, { error: (i) => (i.input === undefined ? '必填' : '党员状态应为 正式党员、预备党员、入党积极分子、发展对象 或 群众') }));

const ZRolesCell = z.preprocess((v) => {
  const t = blankToUndefined(v);
  if (typeof t !== 'string' || NO_ROLE.has(t)) return [];
  return t.split(/[、,，;；/\s]+/).filter(Boolean).map((r) => ROLE_ZH[r] ?? r);
}, z.array(z.enum(ZBranchRole.options, { error: '职务应为 书记、副书记、委员 或 党小组长（多个用、分隔）' }))
  .refine((r) => new Set(r).size === r.length, { message: '职务有重复' }));

const SERVES_MESSAGE = '应填“巡听”“旁听”或“巡听、旁听”';
/** 巡听 / 旁听 / 巡听、旁听 / 均可 (the 人员库's last column). */
const ZServesCell = z.preprocess((v) => {
  const t = blankToUndefined(v);
  if (typeof t !== 'string') return t;
  if (/^(均可|都可|两者|全部|巡听旁听|旁听巡听)$/.test(t.replace(/[、,，/和及\s]/g, ''))) return ['xunting', 'pangting'];
  const serves: string[] = [];
  if (t.includes('巡听')) serves.push('xunting');
  if (t.includes('旁听')) serves.push('pangting');
  return serves.length > 0 ? serves : [t];
}, z.array(z.enum(['xunting', 'pangting'], { error: SERVES_MESSAGE }), { error: (i) => (i.input === undefined ? '必填' : SERVES_MESSAGE) })
  .refine((s) => s.length > 0, { message: SERVES_MESSAGE }));

const ZMobileCell = required(z.string({ error: '必填' }).pipe(ZMobile));

// ── rows ────────────────────────────────────────────────────────────────────
/** One row of the people sheet: 姓名, 性别, 手机号码, 所在党组织, 党员状态, 职务 (+ optional 单位). */
export const ZPeopleImportRow = z.object({
  name: required(text(50)),
  gender: ZGenderCell,
  mobile: ZMobileCell,
  org: required(text(200)),
  status: ZStatusCell,
  roles: ZRolesCell,
  unit: z.preprocess(blankToUndefined, z.string().max(100, '最多 100 个字符').optional()),
}).superRefine((row, ctx) => {
  const issue = roleIssue(row.status, row.roles);
  if (issue) ctx.addIssue({ code: 'custom', path: ['roles'], message: issue });
});
export type TPeopleImportRow = z.infer<typeof ZPeopleImportRow>;

/** One row of the 人员库 (000 annex 2): 姓名, 性别, 单位及职务 (or 单位 + 职务), 手机号码, 巡听/旁听. */
export const ZObserverImportRow = z.object({
  name: required(text(50)),
  gender: ZGenderCell,
  unitAndPost: z.preprocess(blankToUndefined, z.string().optional()),
  unit: z.preprocess(blankToUndefined, z.string().max(100, '最多 100 个字符').optional()),
  post: z.preprocess(blankToUndefined, z.string().max(100, '最多 100 个字符').optional()),
  mobile: ZMobileCell,
  serves: ZServesCell,
}).transform((row, ctx) => {
  let { unit, post } = row;
  if (row.unitAndPost && !unit && !post) {
    // "滨江市财政局 办公室主任": the unit, then the post after the last separator.
    const m = /^(.+)[\s,，、;；]+([^\s,，、;；]+)$/.exec(row.unitAndPost);
    if (m) [unit, post] = [m[1]!.trim(), m[2]!.trim()];
  }
  if (!unit || !post) {
    ctx.addIssue({ code: 'custom', path: ['unitAndPost'], message: '请填写单位及职务，中间用空格分开（如：市财政局 办公室主任）' });
    return z.NEVER;
  }
  if (unit.length > 100) ctx.addIssue({ code: 'custom', path: ['unitAndPost'], message: '单位最多 100 个字符' });
  if (post.length > 100) ctx.addIssue({ code: 'custom', path: ['unitAndPost'], message: '职务最多 100 个字符' });
  return { name: row.name as string, gender: row.gender, mobile: row.mobile as string, unit, post, serves: row.serves };
});
export type TObserverImportRow = z.infer<typeof ZObserverImportRow>;

/** ORG-2, ORG-3: only 正式党员 hold branch offices (预备党员 have no vote, so cannot be elected). */
export function roleIssue(status: TMemberStatus, roles: readonly TBranchRole[]): string | undefined {
  return roles.length > 0 && status !== 'full' ? '只有正式党员可以担任书记、副书记、委员或党小组长' : undefined;
}

/** ORG-1, ORG-3: 党小组长 leads a 党小组; 书记/副书记/委员 sit on the committee of a branch-level organisation. */
export function roleOrgIssue(orgKind: TOrgKind, roles: readonly TBranchRole[]): string | undefined {
  const kind = ZOrgKind.parse(orgKind);
  if (kind === 'party_group') return roles.some((r) => r !== 'group_leader') ? '党小组中只能担任党小组长' : undefined;
  return roles.includes('group_leader') ? '党小组长须登记在党小组中' : undefined;
}

// ── the report ──────────────────────────────────────────────────────────────
export const ZImportCellError = z.object({ column: z.string(), messageZh: z.string() });
export const ZImportRowReport = z.object({ row: z.number().int(), ok: z.boolean(), errors: z.array(ZImportCellError) });
export type TImportRowReport = z.infer<typeof ZImportRowReport>;

export const ZImportResult = z.object({
  kind: ZImportKind,
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.object({ people: z.number().int(), memberships: z.number().int(), observers: z.number().int() }),
  report: z.array(ZImportRowReport),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** zod issues of one row as the report's cells; messages set above are Chinese, anything else gets a generic one. */
export function rowErrorsZh(error: z.ZodError): { column: string; messageZh: string }[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const chinese = /[\u4e00-\u9fff]/.test(issue.message);
    return { column: COLUMN_LABEL_ZH[key] ?? key, messageZh: chinese ? issue.message : '内容不正确' };
  });
}
