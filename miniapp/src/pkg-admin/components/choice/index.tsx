import { View } from '@tarojs/components';
import { Button } from '../ui';
import './index.scss';

/** A row of large buttons, one of them chosen (per branch / per observer, 评议表 / 观察评价表 …). */
export function Choice<V extends string | number>({ options, value, onChange, className }: {
  options: readonly { value: V; label: string }[]; value: V; onChange: (v: V) => void; className?: string;
}) {
  return (
    <View className={`choice ${className ?? ''}`}>
      {options.map((o) => (
        <Button key={String(o.value)} className={`choice__option ${o.value === value ? 'choice__option--on' : ''}`}
          type={o.value === value ? 'primary' : 'default'} size='normal' onClick={() => onChange(o.value)}>
          {o.label}
        </Button>
      ))}
    </View>
  );
}
