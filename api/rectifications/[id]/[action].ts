// FB-2, the closed loop of one item: POST .../submit (owner or branch leaders, with evidence),
// POST .../verify {decision: close | return, reason} (the group or office staff). SQL enforces the same.
import { DomainError, nextRectificationStatus, ZId, ZSubmitEvidenceRequest, ZVerifyRequest } from '@tingkan/shared';
import * as z from 'zod';
import { byAction, endpoint, handler } from '../../_lib/handler';
import { now } from '../../_lib/clock';
import { loadItem } from '../../_lib/feedback/rectifications';

const ZPath = z.object({ id: ZId, action: z.string() }).strict();

const submit = endpoint({
  auth: 'user', query: ZPath, body: ZSubmitEvidenceRequest,
  async run({ query, body, tx }) {
    const { item, maySubmit } = await loadItem(tx, query.id);
    if (!maySubmit) throw new DomainError('FORBIDDEN', '只有整改责任人或支部书记、副书记可以提交整改材料');
    const status = nextRectificationStatus(item.status, 'submit');
    if (body.evidenceIds.length > 0) {
      const { rows } = await tx.query<{ n: number }>('select count(*)::int as n from evidence where id = any($1::uuid[])', [body.evidenceIds]);
      if (Number(rows[0]?.n) !== new Set(body.evidenceIds).size) {
        throw new DomainError('VALIDATION_FAILED', undefined, [{ path: 'evidenceIds', message: '佐证材料不存在或无权查看' }]);
      }
    }
    await tx.query('update rectification_items set status = $2, evidence_text = $3, evidence_ids = $4::uuid[], submitted_at = $5 where id = $1',
      [item.id, status, body.evidenceText ?? null, body.evidenceIds, now().toISOString()]);
    return { item: (await loadItem(tx, item.id)).item };
  },
});

const verify = endpoint({
  auth: 'user', query: ZPath, body: ZVerifyRequest,
  async run({ query, body, caller, tx }) {
    const { item, mayVerify } = await loadItem(tx, query.id);
    if (!mayVerify) throw new DomainError('FORBIDDEN', '只有观察小组成员或机关党委办可以核验整改');
    const reason = body.decision === 'return' ? body.reason : undefined;
    const status = nextRectificationStatus(item.status, body.decision, reason);
    if (status === 'closed') {
      await tx.query('update rectification_items set status = $2, closed_by = $3, closed_at = $4 where id = $1', [item.id, status, caller.sub, now().toISOString()]);
    } else {
      await tx.query('update rectification_items set status = $2, return_reason = $3 where id = $1', [item.id, status, reason]);
    }
    return { item: (await loadItem(tx, item.id)).item };
  },
});

export default byAction({ submit: handler({ POST: submit }), verify: handler({ POST: verify }) });
