// OBS-5 (001): 观察员 visits go round the branches, "每年一轮、次年循环": every branch once a year,
// the same cycle the next year. The cycle order is kept from year to year (new branches join at
// the end, dissolved ones drop out); branches the office could not visit last year go first.
import * as z from 'zod';
import { ZId } from '../schemas/common';
import { assertUniqueIds } from './org';
import { parseRuleInput } from './parse';

const ZRoundRobinInput = z.object({
  year: z.number().int().min(2000).max(2100),
  branchIds: z.array(ZId).min(1),
  /** Last year's cycle order (from the previous result), if any. */
  previousOrder: z.array(ZId).default([]),
  /** Branches of last year's cycle that were not visited: they open this year's round. */
  notVisitedLastYear: z.array(ZId).default([]),
  /** The months visits may be scheduled in (default all twelve). */
  months: z.array(z.number().int().min(1).max(12)).min(1).default([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
}).strict();

export interface TRoundRobinSchedule {
  year: number;
  /** The cycle order to pass as previousOrder next year. */
  order: string[];
  slots: { branchId: string; month: number }[];
}

/** OBS-5: this year's visiting order and the month of each visit, spread evenly over the months. */
export function roundRobinSchedule(input: unknown): TRoundRobinSchedule {
  const p = parseRuleInput(ZRoundRobinInput, input);
  assertUniqueIds(p.branchIds, '支部');
  assertUniqueIds(p.previousOrder, '上一轮顺序');
  const current = new Set(p.branchIds);
  const kept = p.previousOrder.filter((id) => current.has(id));
  const added = p.branchIds.filter((id) => !kept.includes(id)).sort();
  const order = [...kept, ...added];
  const carried = order.filter((id) => p.notVisitedLastYear.includes(id));
  const thisYear = [...carried, ...order.filter((id) => !carried.includes(id))];
  const months = [...new Set(p.months)].sort((a, b) => a - b);
  const slots = thisYear.map((branchId, i) => ({ branchId, month: months[Math.floor((i * months.length) / thisYear.length)] ?? 12 }));
  return { year: p.year, order, slots };
}
