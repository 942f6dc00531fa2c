import type { TestApp } from './app';

/** FB-2 through the API: the observed branch's leader records the committee discussion and its items (expects 201). */
export async function recordRectification(
  app: TestApp, token: string | undefined, observationId: string, items: { title: string; ownerPersonId: string; dueDate: string }[], heldOn = '2026-03-22',
): Promise<{ id: string; title: string }[]> {
  const res = await app.request('POST', '/api/rectifications', {
    token, body: { observationId, discussion: { heldOn, summary: '支委会逐条研究反馈意见。' }, items },
  });
  if (res.status !== 201) throw new Error(`recording the rectification failed: ${JSON.stringify(res.body)}`);
  return res.body.items;
}
