import { PAGE_TITLES } from '../../../constants/theme';

export default definePageConfig({
  // page-meta lets rem follow the WeChat font size (components/page-shell).
  enablePageMeta: true,
  navigationBarTitleText: PAGE_TITLES.hostQr,
  // The code must stay readable: keep the screen on while it is shown.
  pageOrientation: 'portrait',
});
