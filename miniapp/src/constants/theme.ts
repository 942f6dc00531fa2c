/** Navigation bar colours, shared by app.config.ts and the weapp navigation-bar in PageShell. */
export const NAV_BAR = {
  backgroundColor: '#c8161e',
  frontColor: '#ffffff',
} as const;

/** Page titles, shared by each page's index.config.ts and its PageShell. */
export const PAGE_TITLES = {
  login: '登录',
  home: '我的待办',
  scan: '扫码签到',
  meeting: '会议',
  notes: '观察记录',
  score: '评分表',
  hostQr: '签到码',
  adminWorkbench: '机关党委办工作台',
  adminSample: '年度抽查',
  adminSchedule: '观察安排',
  adminGroup: '观察小组',
  adminDeadlines: '截止事项',
  adminCompliance: '合规情况',
  adminResults: '评分结果',
  adminExports: '导出',
  adminPolicy: '制度参数',
  branchWorkbench: '支部工作台',
  branchMeetingNew: '新建会议',
  branchYearlyPlan: '年度组织生活计划',
  branchPlan: '观摩组织方案',
  branchRectification: '反馈与整改',
  branchDiscussion: '登记支委会研究',
  branchItem: '整改事项',
  branchReport: '整改进展通报',
  memberHistory: '我的参会与整改',
  memberReport: '观摩汇报与承诺报告',
} as const;
