// FB-4, ATT-1: GET /api/me/attendance?year=&limit=&offset=: my past meetings of the year and how I
// attended (出席 / 补录 / 请假 / 缺席), newest first, with the year's counts. Under RLS as myself.
import { toDateString, ZMyAttendanceQuery, ZMyAttendanceResponse, type THistoryState, type TMyAttendanceResponse } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { now } from '../_lib/clock';
import { myAttendance } from '../_lib/me/history';

export default handler({
  GET: endpoint({
    auth: 'user',
    query: ZMyAttendanceQuery,
    async run({ query, caller, tx }): Promise<TMyAttendanceResponse> {
      const at = now();
      const year = query.year ?? Number(toDateString(at.toISOString()).slice(0, 4));
      const all = await myAttendance(tx, caller.sub, year, at);
      const counts: Record<THistoryState, number> = { present: 0, backfill: 0, leave: 0, absent: 0 };
      for (const item of all) counts[item.state] += 1;
      const end = query.offset + query.limit;
      return ZMyAttendanceResponse.parse({ year, counts, items: all.slice(query.offset, end), nextOffset: end < all.length ? end : null });
    },
  }),
});
