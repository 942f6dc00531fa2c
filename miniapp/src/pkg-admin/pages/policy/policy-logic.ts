// D4: the policy as a form. Numbers are edited as text (percentages as 35 for 0.35); saving sends the
// stored overrides plus only the keys the office changed, so untouched keys keep following DOMAIN.md's
// defaults. The server validates (POLICY_INVALID names each field); its messages go under the fields.
import type { TPolicy } from '../../../services/office/schemas';

type Mode = 'xunting' | 'pangting' | 'guancha';
type Rubric = 'pingyi_5' | 'guancha_3';

export interface NumberField { path: string; label: string; unit: string; rule: string; percent?: boolean }

export const NUMBER_FIELDS = {
  sampling: [
    { path: 'samplingRate', label: '旁听抽查比例', unit: '%', rule: 'OBS-3', percent: true },
    { path: 'groupSize.xunting.min', label: '巡听小组最少', unit: '人', rule: 'OBS-2' },
    { path: 'groupSize.xunting.max', label: '巡听小组最多', unit: '人', rule: 'OBS-2' },
    { path: 'groupSize.pangting.min', label: '旁听小组最少', unit: '人', rule: 'OBS-3' },
    { path: 'groupSize.pangting.max', label: '旁听小组最多', unit: '人', rule: 'OBS-3' },
    { path: 'groupSize.guancha.min', label: '观察员小组最少', unit: '人', rule: 'OBS-5' },
    { path: 'groupSize.guancha.max', label: '观察员小组最多', unit: '人', rule: 'OBS-5' },
  ],
  deadlines: [
    { path: 'planDueDaysBefore', label: '观摩计划提前提交', unit: '天', rule: 'OBS-5' },
    { path: 'bookingMonthsAhead', label: '支部预约提前', unit: '个月', rule: 'OBS-5' },
    { path: 'sheetsDueWorkingDays', label: '评议表报送期限', unit: '个工作日', rule: 'FB-1' },
    { path: 'feedbackDueWorkingDays', label: '书面反馈期限', unit: '个工作日', rule: 'FB-1' },
    { path: 'rectificationMonths', label: '整改期限', unit: '个月', rule: 'FB-2' },
    { path: 'progressReportMonths', label: '整改进展通报间隔', unit: '个月', rule: 'FB-4' },
    { path: 'commitmentReportMonths', label: '党员承诺报告间隔', unit: '个月', rule: 'FB-4' },
    { path: 'dueSoonDays', label: '提前提醒', unit: '天', rule: 'CALC-3' },
  ],
  life: [
    { path: 'absenceFlagMonths', label: '连续未参加组织生活提示', unit: '个月', rule: 'ATT-1' },
  ],
  quotas: [
    { path: 'quotas.excellentMembers', label: '“优秀”党员最多', unit: '%', rule: 'RATE-1', percent: true },
    { path: 'quotas.advancedOrgs', label: '“先进”党组织最多', unit: '%', rule: 'RATE-2', percent: true },
    { path: 'quotas.goodSecretaries', label: '“好”书记最多', unit: '%', rule: 'RATE-3', percent: true },
  ],
} as const satisfies Record<string, readonly NumberField[]>;

const ALL_NUMBERS: readonly NumberField[] = Object.values(NUMBER_FIELDS).flat();

export const MODES: readonly { mode: Mode; label: string }[] = [
  { mode: 'xunting', label: '巡听' }, { mode: 'pangting', label: '旁听' }, { mode: 'guancha', label: '观察员观摩' },
];
export const RUBRIC_OPTIONS: readonly { value: Rubric; label: string }[] = [
  { value: 'pingyi_5', label: '评议表（5项）' }, { value: 'guancha_3', label: '观察评价表（3项）' },
];
export const NTH_OPTIONS = [1, 2, 3, 4].map((n) => ({ value: n, label: `第${'一二三四'[n - 1]}个` }));
export const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: `周${'一二三四五六日'[d - 1]}` }));

export interface PolicyForm {
  numbers: Record<string, string>;
  allowSingleUnitGroup: boolean;
  themeDayFixed: boolean;
  themeDay: { nth: number; isoWeekday: number };
  rubricByMode: Record<Mode, Rubric>;
}

function read(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function write(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]!] = value;
}

/** 0.35 → '35', 1/3 → '33.33'; whole numbers as they are. */
function shown(f: NumberField, v: number): string {
  return f.percent ? String(Math.round(v * 10000) / 100) : String(v);
}

export function toForm(p: TPolicy): PolicyForm {
  return {
    numbers: Object.fromEntries(ALL_NUMBERS.map((f) => [f.path, shown(f, read(p, f.path) as number)])),
    allowSingleUnitGroup: p.allowSingleUnitGroup,
    themeDayFixed: p.themeDay !== null,
    themeDay: p.themeDay ?? { nth: 1, isoWeekday: 5 },
    rubricByMode: { ...p.rubricByMode },
  };
}

export type Issues = Map<string, string>;

/**
 * The override to send: the stored one plus each top-level key whose value the form changed. A number
 * whose text is unchanged keeps its exact stored value (1/3 is shown as 33.33 but stays 1/3).
 */
export function toOverride(form: PolicyForm, original: TPolicy, stored: Record<string, unknown>): { value: Record<string, unknown>; changed: string[]; issues: Issues } {
  const issues: Issues = new Map();
  const next = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
  for (const f of ALL_NUMBERS) {
    const text = (form.numbers[f.path] ?? '').trim();
    if (text === shown(f, read(original, f.path) as number)) continue;
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      issues.set(f.path, '请填写数字');
      continue;
    }
    if (!f.percent && !Number.isInteger(n)) {
      issues.set(f.path, '请填写整数');
      continue;
    }
    write(next, f.path, f.percent ? Math.round(n * 100) / 10000 : n);
  }
  next.allowSingleUnitGroup = form.allowSingleUnitGroup;
  next.themeDay = form.themeDayFixed ? { nth: form.themeDay.nth, isoWeekday: form.themeDay.isoWeekday } : null;
  next.rubricByMode = { ...form.rubricByMode };
  const changed = Object.keys(next).filter((k) => JSON.stringify(next[k]) !== JSON.stringify((original as Record<string, unknown>)[k]));
  const value = { ...stored };
  for (const k of changed) value[k] = next[k];
  return { value, changed, issues };
}

/** Checks before sending; the ranges are the server's (one schema, D4). */
export function formIssues(form: PolicyForm, original: TPolicy, stored: Record<string, unknown>, reason: string): Issues {
  const { changed, issues } = toOverride(form, original, stored);
  if (issues.size === 0 && changed.length === 0) issues.set('', '没有修改任何参数');
  if (reason.trim() === '') issues.set('reason', '请填写修改理由（例如：工委会议决定）');
  return issues;
}

/**
 * The server's field issues (POLICY_INVALID: 'samplingRate', 'groupSize.pangting.max', 'groupSize.pangting';
 * VALIDATION_FAILED: 'reason') under the field they name: an exact field, else the first field inside
 * the named object; what names no field goes under ''.
 */
export function placeIssues(fields: readonly { path: string; message: string }[]): Issues {
  const out: Issues = new Map();
  const add = (key: string, msg: string) => out.set(key, out.has(key) ? `${out.get(key)}；${msg}` : msg);
  const known = [...ALL_NUMBERS.map((f) => f.path), 'allowSingleUnitGroup', 'themeDay', 'rubricByMode', 'reason'];
  for (const f of fields) {
    const path = f.path.replace(/^value\./, '');
    const exact = known.find((k) => k === path);
    const inside = known.find((k) => k.startsWith(`${path}.`));
    const around = known.find((k) => path.startsWith(`${k}.`));
    add(exact ?? inside ?? around ?? '', f.message);
  }
  return out;
}

const KEY_ZH: Record<string, string> = {
  groupSize: '观察小组人数', allowSingleUnitGroup: '小组可否来自同一单位', themeDay: '主题党日', quotas: '评优比例', rubricByMode: '评分表',
  reason: '修改理由',
};

/** '旁听抽查比例、观察小组人数': the top-level keys a save changes, in words. */
export function changedText(changed: readonly string[]): string {
  return changed.map((k) => KEY_ZH[k] ?? ALL_NUMBERS.find((f) => f.path === k)?.label ?? k).join('、');
}

/** Under the save button: which fields to fix, by name, since they may be far up the page. */
export function issueSummary(issues: Issues): string {
  const names = [...issues.keys()].filter((k) => k !== '').map((k) => changedText([k]));
  return names.length > 0 ? `请按标红的提示修改后再保存：${names.join('、')}。` : '请按提示修改后再保存。';
}
