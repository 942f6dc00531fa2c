import * as z from 'zod';
import { DomainError, parseOrThrow, zodFields } from '@tingkan/shared';

const ZForm = z.object({
  topic: z.string().min(1),
  present: z.number().int(),
  score: z.coerce.number(),
  online: z.boolean(),
  agenda: z.array(z.string()),
  place: z.object({ name: z.string() }),
}).strict();
const valid = { topic: '学习', present: 9, score: '15', online: false, agenda: ['一'], place: { name: '三楼' } };

function fieldsOf(input: unknown): { path: string; message: string }[] {
  try {
    parseOrThrow(ZForm, input);
  } catch (e) {
    return (e as DomainError).fields ?? [];
  }
  return [];
}

describe('zod issues in Chinese: a missing field is 必填, a wrong type names the type expected', () => {
  it('every field missing → 必填 for each, a coerced one (query parameters) too', () => {
    expect(fieldsOf({})).toStrictEqual(['topic', 'present', 'score', 'online', 'agenda', 'place'].map((path) => ({ path, message: '必填' })));
  });

  it.each([
    ['a number as text', 'present', '应为数字', { present: '九' }],
    ['text that coerces to no number', 'score', '应为数字', { score: 'abc' }],
    ['a number where text belongs', 'topic', '应为文本', { topic: 3 }],
    ['a string for a yes/no', 'online', '应为是或否', { online: 'yes' }],
    ['one item instead of a list', 'agenda', '应为列表', { agenda: '一' }],
    ['text instead of an object', 'place', '应为对象', { place: '三楼' }],
    ['a wrong type inside a list', 'agenda.1', '应为文本', { agenda: ['一', 2] }],
    ['a wrong type inside an object', 'place.name', '应为文本', { place: { name: false } }],
  ])('%s: %s → %s', (_n, path, message, over) => {
    expect(fieldsOf({ ...valid, ...over })).toStrictEqual([{ path, message }]);
  });

  it('null is an empty field: 必填, like a missing one', () => {
    expect(fieldsOf({ ...valid, topic: null })).toStrictEqual([{ path: 'topic', message: '必填' }]);
  });

  it('an integer field given a fraction says it wants an integer', () => {
    expect(fieldsOf({ ...valid, present: 9.5 })).toStrictEqual([{ path: 'present', message: '应为整数' }]);
  });

  it('zodFields without the input still tells missing from wrong, by zod\'s own reading', () => {
    const r = ZForm.safeParse({ ...valid, topic: undefined, present: '九' });
    expect(r.success).toBe(false);
    expect(zodFields(r.error!)).toStrictEqual([{ path: 'topic', message: '必填' }, { path: 'present', message: '应为数字' }]);
  });
});
