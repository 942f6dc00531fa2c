import { PAGE_TITLES } from '../../../constants/theme';

export default definePageConfig({
  enablePageMeta: true,
  navigationBarTitleText: PAGE_TITLES.adminDeadlines,
});
