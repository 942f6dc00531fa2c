import { ADMIN_PACKAGE, BRANCH_PACKAGE, HOST_PACKAGE, MEMBER_PACKAGE, PAGES } from './constants/routes';
import { NAV_BAR } from './constants/theme';

export default defineAppConfig({
  // The first page is the entry: it sends a logged-in person on to the home page.
  pages: [PAGES.login, PAGES.home, PAGES.scan, PAGES.meeting, PAGES.notes, PAGES.score],
  subPackages: [
    { root: HOST_PACKAGE.root, pages: Object.values(HOST_PACKAGE.pages) },
    { root: ADMIN_PACKAGE.root, pages: Object.values(ADMIN_PACKAGE.pages) },
    { root: BRANCH_PACKAGE.root, pages: Object.values(BRANCH_PACKAGE.pages) },
    { root: MEMBER_PACKAGE.root, pages: Object.values(MEMBER_PACKAGE.pages) },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: NAV_BAR.backgroundColor,
    navigationBarTitleText: '听看',
    navigationBarTextStyle: 'white',
  },
});
