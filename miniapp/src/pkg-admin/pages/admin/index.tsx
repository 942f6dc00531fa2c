import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ADMIN_ROUTE } from '../../../constants/routes';
import { PAGE_TITLES } from '../../../constants/theme';
import { AdminPage } from '../../components/admin-page';
import { Cell, CellGroup } from '../../components/ui';
import { ADMIN_SECTIONS } from './sections';
import './index.scss';

export default function AdminWorkbenchPage() {
  return (
    <AdminPage title={PAGE_TITLES.adminWorkbench} hint='机关党委办（工委）的年度工作：抽查、安排观摩、盯住截止日期、查看落实情况和评分，并导出台账。'>
      <View className='page-section workbench'>
        <CellGroup>
          {ADMIN_SECTIONS.map((s) => (
            <Cell key={s.page} className={`workbench-item workbench-item--${s.page}`} title={s.title} description={s.description}
              extra='进入' clickable onClick={() => void Taro.navigateTo({ url: ADMIN_ROUTE(s.page) })} />
          ))}
        </CellGroup>
      </View>
    </AdminPage>
  );
}
