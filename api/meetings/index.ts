// MTG-*: create a meeting (the branch's 书记/副书记 or office staff: RLS decides) and list the ones the caller may see.
import { ZCreateMeetingRequest, ZMeetingListQuery, type TMeeting, type TMeetingList } from '@tingkan/shared';
import { endpoint, handler, reply } from '../_lib/handler';
import { insertMeeting, listMeetings, loadMeeting } from '../_lib/meetings/queries';

export default handler({
  POST: endpoint({
    auth: 'user',
    body: ZCreateMeetingRequest,
    async run({ body, caller, tx }) {
      const id = await insertMeeting(tx, body.orgId, {
        kind: body.kind, topic: body.topic, startsAt: body.startsAt, endsAt: body.endsAt, place: body.place,
        hostPersonId: body.hostPersonId ?? null, agenda: body.agenda, lecturer: body.lecturer ?? null, location: body.location ?? null,
      }, caller.sub);
      const meeting: TMeeting = await loadMeeting(tx, id);
      return reply(201, { meeting });
    },
  }),
  GET: endpoint({
    auth: 'user',
    query: ZMeetingListQuery,
    async run({ query, tx }): Promise<TMeetingList> {
      return listMeetings(tx, query);
    },
  }),
});
