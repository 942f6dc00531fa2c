import {
  ZMeetingDetail, ZMeetingList, ZMotionView, ZObservationDetail,
  type TMeetingDetail, type TMeetingList, type TMotionView, type TObservationDetail,
} from './schemas';
import { api } from './api';
import { storage } from './platform';

/** Meetings the caller may see whose start falls in [from, to] (Shanghai dates, YYYY-MM-DD). */
export function listMeetings(q: { from?: string; to?: string; limit?: number } = {}): Promise<TMeetingList> {
  const params = [
    q.from && `from=${q.from}`, q.to && `to=${q.to}`, `limit=${q.limit ?? 20}`,
  ].filter(Boolean).join('&');
  return api.get(`/api/meetings?${params}`, ZMeetingList);
}

export function fetchMeeting(id: string): Promise<TMeetingDetail> {
  return api.get(`/api/meetings/${encodeURIComponent(id)}`, ZMeetingDetail);
}

export function fetchObservation(id: string): Promise<TObservationDetail> {
  return api.get(`/api/observations/${encodeURIComponent(id)}`, ZObservationDetail);
}

const ZMotionCreated = ZMotionView;

// The API has no "motions of a meeting" list yet, so the host's phone remembers the ids it created.
const motionsKey = (meetingId: string) => `tingkan.motions.${meetingId}`;
const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function rememberedMotionIds(meetingId: string): string[] {
  return storage.get(motionsKey(meetingId), isIdList) ?? [];
}

/** POST /api/motions (the host puts a motion to the vote; 党员大会 and 支委会 only). */
export async function createMotion(meetingId: string, title: string): Promise<TMotionView> {
  const motion = await api.post('/api/motions', ZMotionCreated, { meetingId, title });
  storage.set(motionsKey(meetingId), [...rememberedMotionIds(meetingId).filter((id) => id !== motion.id), motion.id]);
  return motion;
}

export function fetchMotion(id: string): Promise<TMotionView> {
  return api.get(`/api/motions/${encodeURIComponent(id)}`, ZMotionView);
}

/** A member's own vote, or (personId) the host recording one. */
export function vote(motionId: string, choice: 'yes' | 'no' | 'abstain', personId?: string): Promise<TMotionView> {
  return api.post(`/api/motions/${encodeURIComponent(motionId)}`, ZMotionView, personId ? { choice, personId } : { choice });
}

