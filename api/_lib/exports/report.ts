// A printable single observation report: Chinese text, the meeting's facts, the group, scores with bands,
// the written evaluation; A4 print CSS, no scripts, every value escaped.
import { MODE_ZH, rubricName, type ObservationFacts } from './observation-facts';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const para = (s: string | null | undefined) => esc(s).replace(/\n/g, '<br>');

export function reportHtml(f: ObservationFacts, printedAt: string): string {
  const r = f.result;
  const scores = r
    ? r.criteria.map((c) => `<tr><td>${esc(c.labelZh)}</td><td>${c.mean}</td><td>${c.min}–${c.max}</td><td>${esc(c.band)}</td></tr>`).join('')
      + `<tr class="total"><td>总分</td><td colspan="3">${r.meanTotal} / ${r.maxTotal}</td></tr>`
    : '<tr><td colspan="4">观察小组尚未全部提交评分</td></tr>';
  const fb = f.feedback;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(f.orgName)}${esc(MODE_ZH[f.mode])}情况报告</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; color: #000; margin: 0 auto; max-width: 180mm; }
  h1 { font-family: "SimHei", "Heiti SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 6mm; }
  h2 { font-size: 14pt; margin: 6mm 0 2mm; }
  table { width: 100%; border-collapse: collapse; page-break-inside: avoid; }
  th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
  th { width: 28mm; background: #f2f2f2; }
  tr.total td { font-weight: bold; }
  .meta { text-align: right; font-size: 10pt; color: #444; }
  @media print { .meta { color: #000; } th { background: none; } }
</style></head>
<body>
<h1>${esc(f.orgName)}组织生活${esc(MODE_ZH[f.mode])}情况报告</h1>
<h2>一、基本情况</h2>
<table>
  <tr><th>被观摩组织</th><td>${esc(f.orgName)}</td><th>所属单位</th><td>${esc(f.unitName)}</td></tr>
  <tr><th>组织生活类型</th><td>${esc(f.kind)}</td><th>方式</th><td>${esc(MODE_ZH[f.mode])}</td></tr>
  <tr><th>主题</th><td colspan="3">${esc(f.topic)}</td></tr>
  <tr><th>时间</th><td>${esc(f.startsAt)}</td><th>地点</th><td>${esc(f.place)}</td></tr>
  <tr><th>主持人</th><td>${esc(f.hostName)}</td><th>参加人数</th><td>${f.present}</td></tr>
  <tr><th>观察小组</th><td colspan="3">${f.group.map((g) => esc(g.isLeader ? `${g.name}（组长）` : g.name)).join('、')}</td></tr>
</table>
<h2>二、评分（${esc(rubricName(f.rubric))}，${r ? r.observerCount : 0} 人评分取平均）</h2>
<table><tr><th>评议项目</th><th>平均分</th><th>分数范围</th><th>等次</th></tr>${scores}</table>
<h2>三、书面评价</h2>
<table>
  <tr><th>书面评价</th><td>${fb ? para(fb.evaluation) : '尚未反馈'}</td></tr>
  ${fb?.strengths ? `<tr><th>肯定成绩</th><td>${para(fb.strengths)}</td></tr>` : ''}
  ${fb?.shortcomings ? `<tr><th>指出不足</th><td>${para(fb.shortcomings)}</td></tr>` : ''}
  ${fb?.suggestions ? `<tr><th>改进意见</th><td>${para(fb.suggestions)}</td></tr>` : ''}
  ${fb ? `<tr><th>反馈时间</th><td>${esc(fb.sentAt.slice(0, 10))}${fb.late ? '（超过反馈时限）' : ''}</td></tr>` : ''}
</table>
<p class="meta">打印时间：${esc(printedAt)}</p>
</body></html>`;
}
