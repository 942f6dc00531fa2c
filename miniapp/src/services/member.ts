// A member's own record (FB-4, ATT-1): pkg-member only.
import { ZMyAttendanceResponse, ZMyRectificationsResponse, type TMyAttendanceResponse, type TMyRectificationsResponse } from './branch-schemas';
import { api } from './api';

/** My past meetings of a year with how I attended, a page at a time. */
export function fetchMyAttendance(year: number, offset = 0, limit = 20): Promise<TMyAttendanceResponse> {
  return api.get(`/api/me/attendance?year=${year}&limit=${limit}&offset=${offset}`, ZMyAttendanceResponse);
}

/** The rectification items I own (my commitments), still-to-do first. */
export function fetchMyRectifications(offset = 0, limit = 50): Promise<TMyRectificationsResponse> {
  return api.get(`/api/me/rectifications?limit=${limit}&offset=${offset}`, ZMyRectificationsResponse);
}
