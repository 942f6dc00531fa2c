import * as z from 'zod';
import { DomainError, ErrorCode, FieldIssue } from './errors';

/** What a wrong type should have been, in the words a user reads (e.g. 应为数字). */
const TYPE_ZH: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', bigint: '整数', boolean: '是或否', array: '列表', tuple: '列表',
  set: '列表', object: '对象', record: '对象', map: '对象', date: '日期', file: '文件',
};

const NO_INPUT = Symbol('no input');

/** The raw value at an issue's path (before any coercion), or NO_INPUT when the caller did not pass the input. */
function rawAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * zod 4 does not pass the input in its issues (and a coerced field reports NaN, not what was sent), so
 * "missing" is read from the raw input at the issue's path; without it, from zod's own text, which zod
 * wrote with the input in hand. null counts as missing: forms send it for an empty field.
 */
function isMissing(issue: z.core.$ZodIssueInvalidType, input: unknown): boolean {
  if (input !== NO_INPUT) {
    const raw = rawAt(input, issue.path);
    return raw === undefined || raw === null;
  }
  return /received (undefined|null)$/.test(issue.message);
}

// zod's own messages are English; the user reads Chinese, so issues are translated by kind.
function issueToZh(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue, input) ? '必填' : `应为${TYPE_ZH[issue.expected] ?? '其他类型'}`;
    case 'too_small':
      return issue.origin === 'string' ? `至少 ${String(issue.minimum)} 个字符` : `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${String(issue.maximum)} 个字符` : `不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'custom':
      return issue.message;
    default:
      return '内容不正确';
  }
}

/** The issues of a failed parse in Chinese; pass the parsed input so a missing field is told from a wrong type. */
export function zodFields(error: z.ZodError, input: unknown = NO_INPUT): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(根)', message: issueToZh(issue, input) }));
}

/** Parse with a schema; on failure throw a DomainError naming every bad field in Chinese. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = 'VALIDATION_FAILED'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError(code, undefined, zodFields(result.error, input));
  return result.data;
}
