import { at, onDate, toDateString } from '@tingkan/shared';

describe('time (FB-6: all dates in Asia/Shanghai)', () => {
  it('FB-6: an instant late on 30 September UTC is already 1 October in Shanghai', () => {
    expect(toDateString('2026-09-30T17:30:00Z')).toBe('2026-10-01');
  });
  it('FB-6: a Shanghai date starts at 16:00 UTC the day before', () => {
    expect(onDate('2026-03-06').toISOString()).toBe('2026-03-05T16:00:00.000Z');
  });
  it('FB-6: at() reads an offset instant and formats in Shanghai', () => {
    expect(at('2026-03-06T09:30:00+08:00').format('YYYY-MM-DD HH:mm')).toBe('2026-03-06 09:30');
  });
});
