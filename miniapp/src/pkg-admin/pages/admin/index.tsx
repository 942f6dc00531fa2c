import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Cell, CellGroup } from '../../../components/ui';
import { PAGE_TITLES } from '../../../constants/theme';
import { ADMIN_SECTIONS } from './sections';

export default function AdminWorkbenchPage() {
  return (
    <PageShell title={PAGE_TITLES.adminWorkbench}>
      <Text className='page-title'>{PAGE_TITLES.adminWorkbench}</Text>
      <Text className='page-hint'>以下功能正在建设中，完成后可在这里直接进入。</Text>
      <View className='page-section'>
        <CellGroup>
          {ADMIN_SECTIONS.map((s) => (
            <Cell key={s.key} title={s.title} description={s.description} />
          ))}
        </CellGroup>
      </View>
    </PageShell>
  );
}
