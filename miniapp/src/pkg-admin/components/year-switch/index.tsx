import { Text, View } from '@tarojs/components';
import { Button } from '../ui';
import './index.scss';

/** ‹ 2026年 ›: every office report is per year. */
export function YearSwitch({ year, onChange, min = 2020, max }: { year: number; onChange: (y: number) => void; min?: number; max?: number }) {
  return (
    <View className='year-switch'>
      <Button size='small' disabled={year <= min} onClick={() => onChange(year - 1)} aria-label='上一年'>‹</Button>
      <Text className='year-switch__year'>{year}年</Text>
      <Button size='small' disabled={max !== undefined && year >= max} onClick={() => onChange(year + 1)} aria-label='下一年'>›</Button>
    </View>
  );
}
