// OBS-2..5 / CALC-2: the year's observations and their groups, the pool to pick from (ORG-4).
import { api } from '../api';
import {
  ZAutoAssignReply, ZGroupView, ZObservationList, ZObserverList,
  type TAutoAssignReply, type TGroupView, type TObservationList, type TObserverList,
} from './schemas';
import { pathId, queryString } from './query';

export function listObservations(year: number, page: { limit: number; offset: number }): Promise<TObservationList> {
  return api.get(`/api/observations${queryString({ year, limit: page.limit, offset: page.offset })}`, ZObservationList);
}

export function fetchGroup(observationId: string): Promise<TGroupView> {
  return api.get(`/api/groups/${pathId(observationId)}`, ZGroupView);
}

/** The shared rule picks the group (least-loaded first, OBS-8); refusals come back as ApiError with the rule's code. */
export function autoAssign(observationId: string): Promise<TAutoAssignReply> {
  return api.post(`/api/groups/${pathId(observationId)}`, ZAutoAssignReply, {});
}

/** A hand-made group; a conflict of interest is refused (CONFLICT_OF_INTEREST, fields members.N.personId). */
export function setGroup(observationId: string, members: { personId: string; isLeader: boolean }[]): Promise<TGroupView> {
  return api.put(`/api/groups/${pathId(observationId)}`, ZGroupView, { members });
}

/** Active pool members, by name prefix; one page of up to 100. */
export function searchPool(q?: string): Promise<TObserverList> {
  return api.get(`/api/observers${queryString({ active: 'true', limit: 100, q: q?.trim() || undefined })}`, ZObserverList);
}
