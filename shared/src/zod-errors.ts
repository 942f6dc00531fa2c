import { z } from 'zod';
import { DomainError, ErrorCode, FieldIssue } from './errors';

// zod's own messages are English; the user reads Chinese, so issues are translated by kind.
function issueToZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : '类型不正确';
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

export function zodFields(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(根)', message: issueToZh(issue) }));
}

/** Parse with a schema; on failure throw a DomainError naming every bad field in Chinese. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, code: ErrorCode = 'VALIDATION_FAILED'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError(code, undefined, zodFields(result.error));
  return result.data;
}
