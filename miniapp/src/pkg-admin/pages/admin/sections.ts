import type { ADMIN_PACKAGE } from '../../../constants/routes';

/** The office workbench (issue 6, "Office admin view"): one page per section of pkg-admin. */
export const ADMIN_SECTIONS: readonly { page: keyof typeof ADMIN_PACKAGE.pages; title: string; description: string }[] = [
  { page: 'sample', title: '年度抽查', description: '查看各支部年度计划和备案表的报送情况，按制度比例抽取旁听支部，保存随机种子和抽取方法，可随时复核。' },
  { page: 'schedule', title: '观察安排', description: '本年度的巡听、旁听和观察员观摩，一键自动分组或手工调整观察小组。' },
  { page: 'deadlines', title: '截止事项', description: '计划提交、评议表报送、书面反馈、整改和汇报的截止日期，按工作日（含调休）计算，超期的标红。' },
  { page: 'compliance', title: '合规情况', description: '各支部每月“三会一课”开展情况，缺开的会议和连续未参加组织生活的党员会被标出。' },
  { page: 'results', title: '评分结果', description: '按支部和部门汇总观察小组评分与等次分布。' },
  { page: 'exports', title: '导出', description: '导出备案表、人员库、评议表和观摩报告。' },
  { page: 'policy', title: '制度参数', description: '抽查比例、小组人数、各类截止时长、主题党日规则等参数设置。' },
];
