// Answers remembered by key, bounded: a report asks a rule the same few questions thousands of times (a year's
// windows, theme days, working days, instants of the same day), and each answer costs dayjs or zod work. The map
// is emptied when full, so memory stays bounded whatever callers ask; a compute that throws is not remembered.
export function remember<K, V>(memo: Map<K, V>, key: K, max: number, compute: () => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute();
    if (memo.size >= max) memo.clear();
    memo.set(key, v);
  }
  return v;
}
