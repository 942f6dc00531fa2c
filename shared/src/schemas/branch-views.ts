// What the API answers to a branch's own work (MTG-*, MTG-10): a new meeting and the filed yearly plan.
// The phone validates with these (the branch's observations use office-views' ZObservationList).
import * as z from 'zod';
import { ZId, ZInstant } from './common';
import { ZMeeting } from './meetings';

/** POST /api/meetings → 201. */
export const ZMeetingCreated = z.object({ meeting: ZMeeting });

/** POST /api/plans → 201 (MTG-10: filing again replaces the content). */
export const ZYearlyPlanFiled = z.object({
  plan: z.object({ id: ZId, orgId: ZId, year: z.number().int(), content: z.string(), filedAt: ZInstant }),
});
