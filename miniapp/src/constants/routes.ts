// The one route table (STYLE 8). app.config.ts registers these pages; pages navigate by name.
export const PAGES = {
  login: 'pages/login/index',
  home: 'pages/home/index',
  scan: 'pages/scan/index',
  meeting: 'pages/meeting/index',
  notes: 'pages/notes/index',
  score: 'pages/score/index',
} as const;

/** The host's subpackage: the full-screen rotating QR code and its generator, downloaded only by hosts. */
export const HOST_PACKAGE = {
  root: 'pkg-host',
  pages: {
    qr: 'pages/qr/index',
  },
} as const;

/** The office subpackage (机关党委办): downloaded only when an admin opens it. */
export const ADMIN_PACKAGE = {
  root: 'pkg-admin',
  pages: {
    workbench: 'pages/admin/index',
    sample: 'pages/sample/index',
    schedule: 'pages/schedule/index',
    group: 'pages/group/index',
    deadlines: 'pages/deadlines/index',
    compliance: 'pages/compliance/index',
    results: 'pages/results/index',
    exports: 'pages/exports/index',
    policy: 'pages/policy/index',
  },
} as const;

/** An office page's path by its name in ADMIN_PACKAGE.pages; the group page takes its observation. */
export const ADMIN_ROUTE = (page: keyof typeof ADMIN_PACKAGE.pages): string => `/${ADMIN_PACKAGE.root}/${ADMIN_PACKAGE.pages[page]}`;
export const ADMIN_ROUTE_TO = {
  group: (observationId: string) => `${ADMIN_ROUTE('group')}?observationId=${encodeURIComponent(observationId)}`,
} as const;

export const ROUTES = {
  login: `/${PAGES.login}`,
  home: `/${PAGES.home}`,
  scan: `/${PAGES.scan}`,
  adminWorkbench: `/${ADMIN_PACKAGE.root}/${ADMIN_PACKAGE.pages.workbench}`,
} as const;

export type RouteName = keyof typeof ROUTES;

const q = encodeURIComponent;

/** Pages that take a parameter. */
export const ROUTE_TO = {
  meeting: (id: string) => `/${PAGES.meeting}?id=${q(id)}`,
  notes: (observationId: string) => `/${PAGES.notes}?observationId=${q(observationId)}`,
  score: (observationId: string) => `/${PAGES.score}?observationId=${q(observationId)}`,
  /** Scan with a code already in hand (the h5 link form, D6). */
  scanWith: (payload: string) => `/${PAGES.scan}?qr=${q(payload)}`,
  /** Scan from a meeting page: a code of another meeting is refused. */
  scanFor: (meetingId: string) => `/${PAGES.scan}?meetingId=${q(meetingId)}`,
  hostQr: (meetingId: string, topic: string) => `/${HOST_PACKAGE.root}/${HOST_PACKAGE.pages.qr}?id=${q(meetingId)}&topic=${q(topic)}`,
} as const;

/** The branch's own work (书记/副书记, and members on their rectification items): downloaded when first opened. */
export const BRANCH_PACKAGE = {
  root: 'pkg-branch',
  pages: {
    workbench: 'pages/workbench/index',
    meetingNew: 'pages/meeting-new/index',
    yearlyPlan: 'pages/yearly-plan/index',
    plan: 'pages/plan/index',
    rectification: 'pages/rectification/index',
    discussion: 'pages/discussion/index',
    item: 'pages/item/index',
    report: 'pages/report/index',
  },
} as const;

/** A member's own record (FB-4): downloaded when first opened. */
export const MEMBER_PACKAGE = {
  root: 'pkg-member',
  pages: {
    history: 'pages/history/index',
    report: 'pages/report/index',
  },
} as const;

const branchPage = (page: keyof typeof BRANCH_PACKAGE.pages) => `/${BRANCH_PACKAGE.root}/${BRANCH_PACKAGE.pages[page]}`;

export const BRANCH_ROUTE_TO = {
  workbench: () => branchPage('workbench'),
  meetingNew: (orgId: string) => `${branchPage('meetingNew')}?orgId=${q(orgId)}`,
  yearlyPlan: (orgId: string) => `${branchPage('yearlyPlan')}?orgId=${q(orgId)}`,
  plan: (observationId: string) => `${branchPage('plan')}?observationId=${q(observationId)}`,
  rectification: (observationId: string) => `${branchPage('rectification')}?observationId=${q(observationId)}`,
  discussion: (observationId: string) => `${branchPage('discussion')}?observationId=${q(observationId)}`,
  item: (observationId: string, itemId: string) => `${branchPage('item')}?observationId=${q(observationId)}&itemId=${q(itemId)}`,
  /** FB-4: the observed branch's half-yearly progress report. */
  report: (observationId: string, periodNo?: number) => `${branchPage('report')}?observationId=${q(observationId)}${periodNo ? `&periodNo=${periodNo}` : ''}`,
} as const;

export const MEMBER_ROUTES = {
  history: `/${MEMBER_PACKAGE.root}/${MEMBER_PACKAGE.pages.history}`,
} as const;

export const MEMBER_ROUTE_TO = {
  /** FB-3: the invited member's report-back; FB-4: the quarterly commitment report. */
  report: (observationId: string, kind: 'report_back' | 'commitment_report', periodNo?: number) =>
    `/${MEMBER_PACKAGE.root}/${MEMBER_PACKAGE.pages.report}?observationId=${q(observationId)}&kind=${kind}${periodNo ? `&periodNo=${periodNo}` : ''}`,
} as const;
