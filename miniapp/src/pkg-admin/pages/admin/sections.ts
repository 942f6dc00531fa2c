/** What the office workbench will hold (issue 6, "Office admin view"); each becomes a page here. */
export const ADMIN_SECTIONS = [
  { key: 'sample', title: '年度抽查', description: '按制度比例抽取本年度被观察的支部，并保存抽取方法和随机种子，便于复核。' },
  { key: 'schedule', title: '观察安排', description: '为抽中的支部安排观察会议和观察小组。' },
  { key: 'deadlines', title: '截止事项', description: '计划提交、反馈、评分和整改的截止日期，按工作日（含调休）计算。' },
  { key: 'compliance', title: '合规情况', description: '各支部按月份开展三会一课的情况，缺开的会议会被标出。' },
  { key: 'scores', title: '评分结果', description: '观察小组的评分汇总与等次分布。' },
  { key: 'exports', title: '导出', description: '导出台账和汇总表（在浏览器中下载）。' },
  { key: 'policy', title: '制度参数', description: '抽查比例、各类截止时长、主题党日规则等参数设置。' },
] as const;
