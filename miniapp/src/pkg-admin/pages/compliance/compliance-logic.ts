// CALC-4: the compliance table, branches × months. A monthly duty (MTG-2, 3, 5) sits in its month; a
// quarterly or yearly one (MTG-1, 4, 6) in the month its window closes. A cell is as bad as its worst
// duty: missing, then exempt, then still open (pending), then met. ATT-1 flags and the year's visits (OBS-4) are
// columns of their own.
import { OBSERVING_MODES } from '../../../services/schemas';
import type { TComplianceBranch, TComplianceReport, TComplianceWindowView } from '../../../services/office/schemas';
import { MEETING_KIND_ZH } from '../../../constants/labels';

export type CellState = TComplianceWindowView['state'] | 'none';

export interface ComplianceCell {
  month: number;
  state: CellState;
  /** Short text inside the cell: ✓ / 缺2 / 免 / 未到. */
  text: string;
  /** What the cell stands for, in words. */
  detail: string;
}

export interface ComplianceRow {
  orgId: string;
  name: string;
  departmentName: string;
  ok: boolean;
  cells: ComplianceCell[];
  missing: string[];
  exemptions: string[];
  flagged: string[];
  /** OBS-4: this year's visits by mode ('巡听、旁听'), or '未观摩' when no 巡听 or 旁听 (a 观察员 visit does not count). */
  observed: string;
  neverObserved: boolean;
}

const WORST: CellState[] = ['missing', 'exempt', 'pending', 'met', 'none'];
const monthOf = (date: string) => Number(date.slice(5, 7));

/** '3月' / '第二季度' / '全年' for a window. */
export function windowName(start: string, end: string): string {
  const [a, b] = [monthOf(start), monthOf(end)];
  if (a === b) return `${a}月`;
  if (b - a === 2 && a % 3 === 1) return `第${'一二三四'[(a - 1) / 3]}季度`;
  return a === 1 && b === 12 ? '全年' : `${a}-${b}月`;
}

function cellsOf(b: TComplianceBranch, year: number): ComplianceCell[] {
  const per = Array.from({ length: 12 }, () => ({ missing: [] as string[], exempt: [] as string[], pending: [] as string[], met: [] as string[] }));
  for (const item of b.items) {
    for (const w of item.windows) {
      const anchor = item.unit === 'month' ? w.start : w.end;
      if (Number(anchor.slice(0, 4)) !== year) continue;
      const slot = per[monthOf(anchor) - 1]!;
      const label = item.unit === 'month' ? item.labelZh : `${item.labelZh}（${windowName(w.start, w.end)}）`;
      const list = slot[w.state];
      if (!list.includes(label)) list.push(label);
    }
  }
  return per.map((s, i) => {
    const state = WORST.find((k) => k !== 'none' && s[k].length > 0) ?? 'none';
    const text = state === 'missing' ? `缺${s.missing.length}` : state === 'exempt' ? '免' : state === 'pending' ? '未到' : state === 'met' ? '✓' : '';
    const detail = state === 'none' ? '本月无要求'
      : [s.missing.length > 0 && `缺：${s.missing.join('、')}`, s.exempt.length > 0 && `免：${s.exempt.join('、')}`,
        s.pending.length > 0 && `未到期：${s.pending.join('、')}`, s.met.length > 0 && `已开：${s.met.join('、')}`].filter(Boolean).join('；');
    return { month: i + 1, state, text, detail };
  });
}

export function complianceRows(report: TComplianceReport): ComplianceRow[] {
  const year = Number(report.period.start.slice(0, 4));
  return report.branches.map((b) => ({
    orgId: b.orgId,
    name: b.name,
    departmentName: b.departmentName,
    ok: b.ok && b.absence.flagged.length === 0,
    cells: cellsOf(b, year),
    missing: b.missing.map((m) => `${MEETING_KIND_ZH[m.kind]}（${windowName(m.start, m.end)}，${m.ruleId}）`),
    exemptions: b.exemptions.map((e) => `${MEETING_KIND_ZH[e.meetingKind]}（${windowName(e.periodStart, e.periodEnd)}）：${e.reason}`),
    flagged: b.absence.flagged.map((f) => `${f.name}（最后参加 ${f.lastAttendedOn ?? '无记录'}）`),
    ...observedOf(b.observed),
  }));
}

function observedOf(o: TComplianceBranch['observed']): { observed: string; neverObserved: boolean } {
  const modes = [o.xunting && '巡听', o.pangting && '旁听', o.guancha && '观察'].filter(Boolean).join('、');
  const neverObserved = !OBSERVING_MODES.some((m) => o[m]);
  return { observed: neverObserved ? (modes ? `${modes}（未巡听旁听）` : '未观摩') : modes, neverObserved };
}

/** OBS-2 / OBS-4 over the whole scope, in one sentence. */
export function coverageText(report: TComplianceReport): string {
  const c = report.coverage;
  if (c.ok) return '全年观摩覆盖：每个部门都有巡听，每个支部都已被观摩。';
  return `全年观摩覆盖：${c.departmentsWithoutXunting.length} 个部门尚无巡听（OBS-2），${c.branchesNeverObserved.length} 个支部尚未被巡听或旁听（OBS-4）。`;
}
