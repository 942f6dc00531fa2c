// The one route table (STYLE 8). app.config.ts registers these pages; pages navigate by name.
export const PAGES = {
  login: 'pages/login/index',
  home: 'pages/home/index',
} as const;

/** The office subpackage (机关党委办): downloaded only when an admin opens it. */
export const ADMIN_PACKAGE = {
  root: 'pkg-admin',
  pages: {
    workbench: 'pages/admin/index',
  },
} as const;

export const ROUTES = {
  login: `/${PAGES.login}`,
  home: `/${PAGES.home}`,
  adminWorkbench: `/${ADMIN_PACKAGE.root}/${ADMIN_PACKAGE.pages.workbench}`,
} as const;

export type RouteName = keyof typeof ROUTES;
