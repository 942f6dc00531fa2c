// The office's exports (000 annexes 1-3, 001's 观察评价表, the printable report): what each needs,
// where it can be opened, and a name for the file when the server's own is not at hand.
import type { TExportKind, TObservationListItem } from '../../../services/office/schemas';
import { canExportOn, type ExportRequest, type Platform } from '../../../services/office/exports';

export const YEAR_EXPORTS: readonly { kind: TExportKind; title: string; description: string }[] = [
  { kind: 'beian', title: '巡听旁听备案表', description: '各支部报送的候选会议（OBS-1，附件1），按所选年度，Excel 表格' },
  { kind: 'renyuanku', title: '巡听旁听人员库', description: '人员库名单（ORG-4，附件2），含手机号码，请妥善保管，Excel 表格' },
];

export interface ObservationExport { kind: TExportKind; label: string }

/** The form the observation was scored on, and the printable report where the platform can open it. */
export function observationExports(o: Pick<TObservationListItem, 'rubric'>, platform: Platform): ObservationExport[] {
  const form: ObservationExport = o.rubric === 'pingyi_5' ? { kind: 'pingyi', label: '评议表' } : { kind: 'guancha', label: '观察评价表' };
  const report: ObservationExport = { kind: 'report', label: '观摩报告（可打印）' };
  return [form, report].filter((e) => canExportOn(e.kind, platform));
}

/** The name used when the server's Content-Disposition is not readable (weapp's downloadFile). */
export function fallbackName(r: ExportRequest, orgName = ''): string {
  switch (r.kind) {
    case 'beian': return `${r.year ?? ''}年组织生活巡听旁听备案表.xlsx`;
    case 'renyuanku': return '组织生活巡听旁听人员库.xlsx';
    case 'pingyi': return `${orgName}巡听旁听评议表.xlsx`;
    case 'guancha': return `${orgName}观察评价表.xlsx`;
    case 'report': return `${orgName}观摩报告.html`;
  }
}

export function doneText(name: string, platform: Platform): string {
  return platform === 'weapp' ? `已打开“${name}”，可点右上角“…”转发或保存到手机。` : `已下载“${name}”，请在浏览器的下载列表中打开。`;
}
