import { Text, View } from '@tarojs/components';
import type { BarTone } from './tone';
import './index.scss';

/** A horizontal bar drawn with two Views (no chart library: the weapp package size matters). */
export function Bar({ label, value, widthPct, tone = 'neutral' }: { label: string; value: string; widthPct: number; tone?: BarTone }) {
  return (
    <View className='bar'>
      <Text className='bar__label'>{label}</Text>
      <View className='bar__track'>
        <View className={`bar__fill bar__fill--${tone}`} style={{ width: `${Math.max(0, Math.min(100, widthPct))}%` }} />
      </View>
      <Text className='bar__value'>{value}</Text>
    </View>
  );
}
