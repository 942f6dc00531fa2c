// Issue 5: POST /api/imports/people and /api/imports/observers with {fileName, contentBase64} of an
// .xlsx or .csv laid out like the forms. ?dryRun=1 only checks. Any bad row: nothing is written.
import { ZImportQuery, ZImportRequest } from '@tingkan/shared';
import { endpoint, handler } from '../_lib/handler';
import { requireOffice } from '../_lib/people/access';
import { readSheet } from '../_lib/imports/sheet';
import { importPeople } from '../_lib/imports/people';
import { importObservers } from '../_lib/imports/observers';

export default handler({
  POST: endpoint({
    auth: 'user',
    query: ZImportQuery,
    body: ZImportRequest,
    async run({ query, body, tx }) {
      await requireOffice(tx);
      const sheet = await readSheet(body.fileName, body.contentBase64);
      return query.kind === 'people' ? importPeople(tx, sheet, query.dryRun) : importObservers(tx, sheet, query.dryRun);
    },
  }),
});
