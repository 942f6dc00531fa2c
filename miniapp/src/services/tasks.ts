import type { TMeeting, TObservationDetail } from './schemas';
import { fetchMeeting, fetchObservation, listMeetings } from './meetings';

/**
 * What 我的待办 is built from until the API has its own task list: the meetings from `from` on and,
 * for an observer, the observations among them (each a detail request; one that fails is left out).
 */
export async function loadTaskSources(from: string, isObserver: boolean): Promise<{ meetings: TMeeting[]; observations: TObservationDetail[] }> {
  const { items: meetings } = await listMeetings({ from, limit: 30 });
  if (!isObserver) return { meetings, observations: [] };
  const details = await Promise.all(meetings.map((m) => fetchMeeting(m.id).catch(() => null)));
  const ids = details.flatMap((d) => (d?.observation ? [d.observation.id] : []));
  const observations = await Promise.all(ids.map((id) => fetchObservation(id).catch(() => null)));
  return { meetings, observations: observations.filter((o): o is TObservationDetail => o !== null) };
}
