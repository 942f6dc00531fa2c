import type { FieldIssue } from '@tingkan/shared';

/** Failures the client detects itself, next to the server's codes (ErrorCode in @tingkan/shared). */
export const CLIENT_ERROR_MESSAGES_ZH = {
  NETWORK_ERROR: '无法连接服务器，请检查网络后重试',
  BAD_RESPONSE: '服务器返回的内容无法识别，请稍后再试；如果一直这样，请联系机关党委办',
  HTTP_ERROR: '服务器暂时无法处理请求，请稍后再试',
  WECHAT_LOGIN_FAILED: '微信登录没有成功，请稍后再试',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_MESSAGES_ZH;

/**
 * What every service call throws: the server's code and Chinese message (from the error envelope),
 * or a client-side code when the network or the response is at fault. Pages show `message`.
 */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  readonly fields: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(code: string, message: string, status: number, fields: FieldIssue[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.requestId = requestId;
  }

  static client(code: ClientErrorCode, status = 0): ApiError {
    return new ApiError(code, CLIENT_ERROR_MESSAGES_ZH[code], status);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** The Chinese sentence to show for any thrown value. */
export function errorMessageZh(e: unknown): string {
  return isApiError(e) ? e.message : CLIENT_ERROR_MESSAGES_ZH.HTTP_ERROR;
}
