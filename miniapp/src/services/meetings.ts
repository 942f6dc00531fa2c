import {
  ZMeetingDetail, ZMeetingList, ZMotionList, ZMotionView, ZObservationDetail,
  type TMeetingDetail, type TMeetingList, type TMotionView, type TObservationDetail,
} from './schemas';
import { api } from './api';

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

/** GET /api/motions?meetingId=: the meeting's motions in the order they were put, with their results (VOTE-2). */
export async function listMotions(meetingId: string): Promise<TMotionView[]> {
  return (await api.get(`/api/motions?meetingId=${encodeURIComponent(meetingId)}`, ZMotionList)).items;
}

/** POST /api/motions (the host puts a motion to the vote; 党员大会 and 支委会 only). */
export function createMotion(meetingId: string, title: string): Promise<TMotionView> {
  return api.post('/api/motions', ZMotionView, { meetingId, title });
}

/** A member's own vote, or (personId) the host recording one. */
export function vote(motionId: string, choice: 'yes' | 'no' | 'abstain', personId?: string): Promise<TMotionView> {
  return api.post(`/api/motions/${encodeURIComponent(motionId)}`, ZMotionView, personId ? { choice, personId } : { choice });
}

