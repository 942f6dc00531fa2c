import { PAGE_TITLES } from '../../../constants/theme';

export default definePageConfig({
  // page-meta lets rem follow the WeChat font size (components/page-shell).
  enablePageMeta: true,
  navigationBarTitleText: PAGE_TITLES.branchReport,
});
