// 评议表 (000 annex 3, one sheet per observer) and 观察评价表 (001) for one observation.
import { DomainError, RUBRICS, bandOf } from '@tingkan/shared';
import type { Workbook, Worksheet } from 'exceljs';
import { MODE_ZH, type ObservationFacts } from './observation-facts';
import { boxedRow, newSheet } from './workbook';

export const PINGYI_BAND_HEADERS = ['好\n(15-20)', '较好\n(10-15)', '一般\n(5-10)', '较差\n(0-5)'];
const BAND_COLUMN: Record<string, number> = { 好: 2, 较好: 3, 一般: 4, 较差: 5 };

function mergedRow(ws: Worksheet, label: string, value: string | number, height?: number) {
  const row = boxedRow(ws, [label, value, '', '', ''], false, height);
  row.getCell(1).font = { name: 'SimSun', size: 11, bold: true };
  ws.mergeCells(row.number, 2, row.number, 5);
}

function pairRow(ws: Worksheet, a: string, av: string | number, b: string, bv: string | number) {
  const row = boxedRow(ws, [a, av, b, bv, '']);
  ws.mergeCells(row.number, 4, row.number, 5);
  [1, 3].forEach((c) => { row.getCell(c).font = { name: 'SimSun', size: 11, bold: true }; });
}

export function pingyi(wb: Workbook, f: ObservationFacts): void {
  if (f.rubric !== 'pingyi_5') throw new DomainError('VALIDATION_FAILED', '这次观摩使用观察评价表，请导出“观察评价表”', [{ path: 'observationId', message: '这次观摩使用观察评价表，请导出“观察评价表”' }]);
  if (f.sheets.length === 0) throw new DomainError('VALIDATION_FAILED', '这次观摩还没有人提交评议表', [{ path: 'observationId', message: '还没有人提交评议表' }]);
  for (const s of f.sheets) {
    const ws = newSheet(wb, s.observerName, '区级机关组织生活巡听旁听评议表', [16, 16, 16, 16, 16], false);
    mergedRow(ws, '单位名称', f.unitName);
    pairRow(ws, '被评议党组织', f.orgName, '巡听（旁听）', MODE_ZH[f.mode]);
    pairRow(ws, '组织生活类型', f.kind, '参加人数', f.present);
    pairRow(ws, '地点', f.place, '时间', f.startsAt);
    mergedRow(ws, '评议内容', '总体评价分数');
    boxedRow(ws, ['', ...PINGYI_BAND_HEADERS], true, 30);
    for (const c of s.criteria) {
      const values: (string | number)[] = [`组织生活${c.labelZh.replace(/^组织生活/, '')}`, '', '', '', ''];
      values[(BAND_COLUMN[c.band] ?? 5) - 1] = c.score;
      const row = boxedRow(ws, values);
      for (let i = 2; i <= 5; i += 1) row.getCell(i).alignment = { horizontal: 'center', vertical: 'middle' };
    }
    mergedRow(ws, '总分', s.total);
    mergedRow(ws, '评议意见:', s.texts.opinion ?? '', 90);
    mergedRow(ws, '评议组签字:', f.group.map((g) => g.name).join('、'), 40);
  }
}

export const GUANCHA_SCORE_HEADERS = ['评价项目', '平均分', '最低分', '最高分', '等次'];

export function guancha(wb: Workbook, f: ObservationFacts): void {
  const ws = newSheet(wb, '观察评价表', RUBRICS.guancha_3.nameZh, [16, 16, 16, 16, 16], false);
  pairRow(ws, '被观摩党支部', f.orgName, '活动类型', f.kind);
  mergedRow(ws, '活动主题', f.topic);
  pairRow(ws, '时间', f.startsAt, '地点', f.place);
  pairRow(ws, '主持人', f.hostName ?? '', '参加人数', f.present);
  boxedRow(ws, GUANCHA_SCORE_HEADERS, true, 24);
  const r = f.result;
  for (const c of r?.criteria ?? []) boxedRow(ws, [c.labelZh, c.mean, c.min, c.max, c.band]);
  if (r) mergedRow(ws, '总分', `${r.meanTotal} / ${r.maxTotal}（${bandOf(r.meanTotal / r.criteria.length, RUBRICS[r.rubricId])}）`);
  const joined = (key: string) => f.sheets.map((s) => s.texts[key]).filter(Boolean).join('\n');
  mergedRow(ws, '肯定成绩', f.feedback?.strengths ?? joined('strengths'), 60);
  mergedRow(ws, '指出不足', f.feedback?.shortcomings ?? joined('shortcomings'), 60);
  mergedRow(ws, '改进意见', f.feedback?.suggestions ?? joined('suggestions'), 60);
  mergedRow(ws, '书面评价', f.feedback?.evaluation ?? '（尚未反馈）', 60);
  mergedRow(ws, '观察小组', f.group.map((g) => (g.isLeader ? `${g.name}（组长）` : g.name)).join('、'));
  mergedRow(ws, '反馈时间', f.feedback ? f.feedback.sentAt.slice(0, 10) : '');
}
