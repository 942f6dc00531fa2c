// VOTE-2: GET /api/motions?meetingId=: the motions put to a 党员大会 or 支委会, each with its result.
import * as z from 'zod';
import { ZId } from './common';
import { ZMotionView } from './checkins';

export const ZMotionListQuery = z.object({ meetingId: ZId }).strict();

export const ZMotionList = z.object({ meetingId: ZId, items: z.array(ZMotionView) });
export type TMotionList = z.infer<typeof ZMotionList>;
