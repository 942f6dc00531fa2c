import Taro from '@tarojs/taro';
import {
  ZCheckinResponse, ZQrResponse, ZRosterResponse,
  type TAttendanceRequest, type TCheckinRequest, type TCheckinResponse, type TQrResponse, type TRosterResponse,
} from './schemas';
import { api } from './api';
import { isWeapp } from './platform';

/** What scanning gave: a code to send, or the person closed the scanner. */
export type ScanOutcome = { kind: 'code'; text: string } | { kind: 'cancelled' };

/** Taro.scanCode (weapp only; h5 pages offer pasting or opening the link instead). */
export async function scanQrCode(): Promise<ScanOutcome> {
  if (!isWeapp) return { kind: 'cancelled' };
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return { kind: 'code', text: res.result };
  } catch {
    return { kind: 'cancelled' };
  }
}

/** POST /api/checkins: idempotent (a second scan answers already: true with the first time). */
export function checkIn(payload: string, meetingId?: string): Promise<TCheckinResponse> {
  const body: TCheckinRequest = meetingId ? { payload, meetingId } : { payload };
  return api.post('/api/checkins', ZCheckinResponse, body);
}

/** The host's current rotating code (D6). */
export function fetchQr(meetingId: string): Promise<TQrResponse> {
  return api.get(`/api/checkins/qr?meetingId=${encodeURIComponent(meetingId)}`, ZQrResponse);
}

/** The host checks in a member who has no smartphone. */
export function manualCheckIn(meetingId: string, personId: string): Promise<TCheckinResponse> {
  return api.post('/api/checkins/manual', ZCheckinResponse, { meetingId, personId });
}

/** GET /api/attendance: the live roster and quorum. */
export function fetchRoster(meetingId: string): Promise<TRosterResponse> {
  return api.get(`/api/attendance?meetingId=${encodeURIComponent(meetingId)}`, ZRosterResponse);
}

/** A member confirms attendance or asks for leave (ATT-1); answers the roster after the change. */
export function answerAttendance(body: TAttendanceRequest): Promise<TRosterResponse> {
  return api.post('/api/attendance', ZRosterResponse, body);
}
