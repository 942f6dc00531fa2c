import { Picker } from '@tarojs/components';
import { Cell } from '../../components/ui';
import { formatDateZh } from '../../components/format';

// The platform's own pickers (native in WeChat, Taro's in h5): big rows to tap, nothing to download.

export function DateCell({ title, value, start, onChange }: { title: string; value: string; start?: string; onChange: (v: string) => void }) {
  return (
    <Picker mode='date' value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <Cell className='picker-cell' title={title} extra={value ? formatDateZh(value) : '请选择'} clickable />
    </Picker>
  );
}

export function TimeCell({ title, value, onChange }: { title: string; value: string; onChange: (v: string) => void }) {
  return (
    <Picker mode='time' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <Cell className='picker-cell' title={title} extra={value} clickable />
    </Picker>
  );
}

export function SelectCell<T extends string>({ title, options, value, onChange }: {
  title: string; options: { value: T; label: string }[]; value: T | ''; onChange: (v: T) => void;
}) {
  const index = options.findIndex((o) => o.value === value);
  return (
    <Picker mode='selector' range={options.map((o) => o.label)} value={Math.max(0, index)}
      onChange={(e) => { const o = options[Number(e.detail.value)]; if (o) onChange(o.value); }}>
      <Cell className='picker-cell' title={title} extra={index >= 0 ? options[index]!.label : '请选择'} clickable />
    </Picker>
  );
}
