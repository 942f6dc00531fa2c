// OBS-1 / MTG-10 filing status and the 旁听 draw (OBS-3, CALC-1), as the sample page shows them.
import type { TFilingRow, TPlansReport, TSampleDraw, TSampleVerification } from '../../../services/office/schemas';
import { formatInstantZh } from '../../../components/format';
import { percentZh } from '../../components/dates';

export const ALGORITHM_ZH: Record<string, string> = {
  'strat-v1': '按部门分层随机抽样（strat-v1）：每个部门按比例抽取且至少抽一个，未被观摩过的支部优先',
};

/** Who has not filed: the plan (MTG-10), a candidate meeting (OBS-1), or both. */
export function missingFilings(report: TPlansReport): { orgId: string; name: string; departmentName: string; missing: string }[] {
  return report.branches
    .filter((b) => b.missingPlan || b.missingCandidate)
    .map((b: TFilingRow) => ({
      orgId: b.orgId, name: b.name, departmentName: b.departmentName,
      missing: [b.missingPlan && '年度计划', b.missingCandidate && '备案表'].filter(Boolean).join('、'),
    }));
}

export function filingSummary(report: TPlansReport): string {
  const filedAll = report.total - report.branches.filter((b) => b.missingPlan || b.missingCandidate).length;
  return `共 ${report.total} 个支部：${filedAll} 个已全部报送；未报年度计划 ${report.missingPlan} 个，未报备案表 ${report.missingCandidate} 个。`;
}

export interface Fact { label: string; value: string }

/** Who drew it; a drawer the reader may not see (RLS) is said so rather than left blank. */
export function drawerName(draw: TSampleDraw): string {
  if (draw.drawnBy === null) return '（未记录）';
  return draw.drawnByName ?? '（无权查看）';
}

/** How a stored draw was made, enough to re-run it by hand: seed, algorithm, rate, population and target, who and when. */
export function drawFacts(draw: TSampleDraw): Fact[] {
  const facts: Fact[] = [
    { label: '随机种子', value: draw.seed },
    { label: '抽取方法', value: ALGORITHM_ZH[draw.algorithm] ?? draw.algorithm },
    { label: '抽取比例', value: percentZh(draw.rate) },
    { label: '抽取范围', value: `${draw.population} 个支部，应抽 ${draw.target} 个` },
    { label: '输入指纹', value: draw.inputFingerprint },
    { label: '抽中支部', value: `${draw.branches.length} 个` },
    { label: '抽取人', value: drawerName(draw) },
    { label: '抽取时间', value: formatInstantZh(draw.drawnAt) },
  ];
  if (draw.redrawReason) facts.push({ label: '重抽理由', value: draw.redrawReason });
  return facts;
}

/** The drawn branches under their department (names from the filings list; unknown ones last). */
export function drawnByDepartment(
  draw: TSampleDraw, departments: Map<string, string>,
): { departmentId: string; departmentName: string; population: number | null; branches: string[] }[] {
  const out = new Map<string, { departmentId: string; departmentName: string; population: number | null; branches: string[] }>();
  for (const b of draw.branches) {
    const g = out.get(b.departmentId) ?? {
      departmentId: b.departmentId,
      departmentName: departments.get(b.departmentId) ?? '其他部门',
      population: draw.perDepartment.find((d) => d.departmentId === b.departmentId)?.population ?? null,
      branches: [],
    };
    g.branches.push(b.name);
    out.set(b.departmentId, g);
  }
  return [...out.values()]
    .map((g) => ({ ...g, branches: g.branches.slice().sort((a, b) => a.localeCompare(b, 'zh')) }))
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'));
}

/** Department id → name from the filings (every branch of the scope is there). */
export function departmentNames(report: TPlansReport): Map<string, string> {
  return new Map(report.branches.map((b) => [b.departmentId, b.departmentName]));
}

/** CALC-1: what the re-run said. */
export function verificationText(v: TSampleVerification): { ok: boolean; text: string } {
  if (v.matches) return { ok: true, text: `复核一致：用同一随机种子和输入重新运行，得到相同的 ${v.rerunBranchIds.length} 个支部。` };
  const extra = v.recordedBranchIds.filter((id) => !v.rerunBranchIds.includes(id)).length;
  return { ok: false, text: `复核不一致：重新运行得到 ${v.rerunBranchIds.length} 个支部，与记录有 ${extra} 个不同。请联系系统管理员核查。` };
}

/** A redraw replaces the current draw and needs a reason (CALC-1); the first draw needs none. */
export function drawProblem(hasCurrent: boolean, reason: string): string | null {
  if (hasCurrent && reason.trim() === '') return '重新抽查须填写理由（例如：支部调整后重抽），原抽查结果会保留在记录中。';
  if (reason.trim().length > 500) return '理由最多 500 个字';
  return null;
}

/** Superseded draws, each with the draw that replaced it and why. */
export function supersededDraws(all: TSampleDraw[]): { draw: TSampleDraw; replacedBy: TSampleDraw | null }[] {
  const byId = new Map(all.map((d) => [d.id, d]));
  return all.filter((d) => d.supersededBy !== null).map((d) => ({ draw: d, replacedBy: byId.get(d.supersededBy!) ?? null }));
}
