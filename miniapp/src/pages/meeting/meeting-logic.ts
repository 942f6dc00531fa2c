import type { TAttendanceRequest, TLeaveCategory, TMe, TMeeting, TObservationDetail, TRosterResponse, TRosterRow } from '../../services/schemas';

/** What the caller is at this meeting; a person can be several (a secretary is also on the roster). */
export interface MeetingRoles {
  /** 书记/副书记 of the meeting's branch, or office staff: shows the code, the roster, manual check-in, motions. */
  isHost: boolean;
  /** The caller's own roster row, when they are expected at the meeting. */
  myRow: TRosterRow | null;
  /** In the observation group: sees the plan, the group, notes and the score sheet. */
  isObserver: boolean;
}

export function rolesAt(me: TMe, meeting: TMeeting, roster: TRosterResponse | null, observation: TObservationDetail | null): MeetingRoles {
  const leads = me.memberships.some((m) => m.orgId === meeting.orgId && m.roles.some((r) => r === 'secretary' || r === 'deputy_secretary'));
  return {
    isHost: leads || me.isOffice,
    myRow: roster?.rows.find((r) => r.personId === me.id) ?? null,
    isObserver: observation?.group.some((g) => g.personId === me.id) ?? false,
  };
}

/** '应到 9 人，实到 5 人（过半需 5 人）' and whether the meeting may proceed (VOTE-1, VOTE-3). */
export function quorumSummary(roster: TRosterResponse): { line: string; valid: boolean | null; reason: string | null } {
  const q = roster.quorum;
  if (!q) {
    const c = roster.counts;
    return { line: `应到 ${c.expected} 人，实到 ${c.present} 人，请假 ${c.leave} 人`, valid: null, reason: null };
  }
  return { line: `应到 ${q.expected} 人，实到 ${q.present} 人（过半需 ${q.needed} 人）`, valid: q.valid, reason: q.reasonZh };
}

/** Members the host may still check in by hand: not present yet. */
export function awaitingCheckin(roster: TRosterResponse): TRosterRow[] {
  return roster.rows.filter((r) => r.state !== 'present');
}

/** The leave request to send, or the Chinese reason it cannot be sent yet (ATT-1: category and reason). */
export function leaveRequest(meetingId: string, category: TLeaveCategory | null, reason: string): { ok: true; body: TAttendanceRequest } | { ok: false; message: string } {
  if (!category) return { ok: false, message: '请选择请假类别：病假、事假或公假' };
  const r = reason.trim();
  if (r.length < 2) return { ok: false, message: '请写明请假事由（至少两个字）' };
  if (r.length > 500) return { ok: false, message: '请假事由请控制在 500 字以内' };
  return { ok: true, body: { meetingId, state: 'leave', leaveCategory: category, reason: r } };
}

/** Seconds until the next code, for the countdown under the QR code. */
export function secondsLeft(refreshAt: number, now: number): number {
  return Math.max(0, Math.ceil((refreshAt - now) / 1000));
}
