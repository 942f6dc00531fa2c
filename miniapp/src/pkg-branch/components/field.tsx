import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';

/** A labelled form row: the label above, large, so it stays readable at big font sizes. */
export function Field({ label, hint, children }: PropsWithChildren<{ label: string; hint?: string }>) {
  return (
    <View className='branch-field'>
      <Text className='branch-field__label'>{label}</Text>
      {hint && <Text className='branch-field__hint'>{hint}</Text>}
      {children}
    </View>
  );
}
