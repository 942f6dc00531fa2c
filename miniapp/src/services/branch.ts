// The branch's own work (MTG-*, MTG-10, OBS-5, FB-1, FB-2): pkg-branch only. Every answer is validated.
import {
  ZFeedbackResponse, ZMeetingCreated, ZObservationList, ZObservationPlanResponse, ZPeopleList, ZRectificationItemResponse,
  ZRectificationResponse, ZYearlyPlanFiled,
  type TCreateMeetingRequest, type TFeedbackResponse, type TObservationList, type TObservationPlan, type TObservationPlanResponse,
  type TPeopleList, type TRecordRectificationRequest, type TRectificationItemView, type TRectificationResponse,
  type TSubmitEvidenceRequest, type TVerifyRequest,
} from './branch-schemas';
import type { TMeeting } from './schemas';
import { api } from './api';

const id = encodeURIComponent;

/** POST /api/meetings: the branch's 书记/副书记 plans a meeting (RLS decides who may). */
export async function createMeeting(body: TCreateMeetingRequest): Promise<TMeeting> {
  return (await api.post('/api/meetings', ZMeetingCreated, body)).meeting;
}

/** MTG-10: filing again replaces the year's plan. */
export async function fileYearlyPlan(orgId: string, year: number, content: string): Promise<string> {
  return (await api.post('/api/plans', ZYearlyPlanFiled, { orgId, year, content })).plan.filedAt;
}

/** The observations of a branch in a year (RLS: its leaders see their own). */
export function listBranchObservations(orgId: string, year: number): Promise<TObservationList> {
  return api.get(`/api/observations?year=${year}&orgId=${id(orgId)}&limit=100`, ZObservationList);
}

/** Current members of an organisation, for choosing a rectification item's owner (FB-2). */
export function listMembers(orgId: string): Promise<TPeopleList> {
  return api.get(`/api/people?orgId=${id(orgId)}&limit=100`, ZPeopleList);
}

/** OBS-5: the observed branch's plan (agenda, content, host, time, place); late is accepted and flagged. */
export function submitPlan(observationId: string, plan: TObservationPlan): Promise<TObservationPlanResponse> {
  return api.post(`/api/observations/${id(observationId)}/plan`, ZObservationPlanResponse, plan);
}

/** FB-1: the group's written evaluation, null until it is sent. */
export function fetchFeedback(observationId: string): Promise<TFeedbackResponse> {
  return api.get(`/api/feedback/${id(observationId)}`, ZFeedbackResponse);
}

/** FB-2: the committee discussions and every item with its loop. */
export function fetchRectification(observationId: string): Promise<TRectificationResponse> {
  return api.get(`/api/rectifications?observationId=${id(observationId)}`, ZRectificationResponse);
}

/** FB-2: the committee's discussion with the items it decided, in one transaction. */
export function recordRectification(body: TRecordRectificationRequest): Promise<TRectificationResponse> {
  return api.post('/api/rectifications', ZRectificationResponse, body);
}

/** FB-2: the owner or the branch's leaders hand in what was done. */
export async function submitEvidence(itemId: string, body: TSubmitEvidenceRequest): Promise<TRectificationItemView> {
  return (await api.post(`/api/rectifications/${id(itemId)}/submit`, ZRectificationItemResponse, body)).item;
}

/** FB-2: the group or office staff close the item, or send it back with a reason. */
export async function verifyItem(itemId: string, body: TVerifyRequest): Promise<TRectificationItemView> {
  return (await api.post(`/api/rectifications/${id(itemId)}/verify`, ZRectificationItemResponse, body)).item;
}
