import { Text, View } from '@tarojs/components';

/** Label–value lines (how a draw was made, a group's members …); styles in admin-page. */
export function Facts({ facts }: { facts: readonly { label: string; value: string }[] }) {
  return (
    <View className='facts'>
      {facts.map((f) => (
        <View key={f.label} className='admin-fact'>
          <Text className='admin-fact__label'>{f.label}</Text>
          <Text className='admin-fact__value'>{f.value}</Text>
        </View>
      ))}
    </View>
  );
}
