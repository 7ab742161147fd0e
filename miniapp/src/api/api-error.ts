import type { errorBodySchema } from 'server/contracts/common.contract';
import type { Wire } from './wire';

/** Error body the server answers with for every 4xx/5xx; only its code is relied on being there. */
type ApiErrorBody = Partial<Wire<typeof errorBodySchema>> & { code: string };

/** Codes the client produces itself, when no server answer could be read. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

/**
 * The only texts the client writes itself: for failures that bring no answer from the server. Every server answer
 * carries its own Chinese `message` (with the store's own numbers: booking window, change cut-off), shown as it is.
 */
const CLIENT_MESSAGES = {
  [NETWORK_ERROR]: '网络异常，请检查网络后重试',
  [UNEXPECTED_RESPONSE]: '服务暂时不可用，请稍后再试',
};

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode?: number,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A gateway or proxy on the way may answer with anything; the server's own body has a code. */
function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string';
}

/** The first field problem of a VALIDATION_FAILED answer (`details: [{path, message}]`), if any. */
function firstFieldProblem(details: unknown): string | null {
  if (!Array.isArray(details)) return null;
  const first: unknown = details[0];
  if (typeof first !== 'object' || first === null) return null;
  const { message } = first as { message?: unknown };
  return typeof message === 'string' && message.length > 0 ? message : null;
}

/**
 * A VALIDATION_FAILED message lists every problem with the field's API name ('输入有误：mobile: 请输入…'); the
 * customer reads its heading and the first problem only ('输入有误：请输入…').
 */
function withoutFieldNames(message: string, details: unknown): string {
  const fieldProblem = firstFieldProblem(details);
  return fieldProblem ? `${message.split('：')[0]}：${fieldProblem}` : message;
}

export function apiErrorFromResponse(statusCode: number, body: unknown): ApiError {
  if (!isApiErrorBody(body)) {
    return new ApiError(UNEXPECTED_RESPONSE, CLIENT_MESSAGES[UNEXPECTED_RESPONSE], statusCode);
  }
  const message = body.message || CLIENT_MESSAGES[UNEXPECTED_RESPONSE];
  return new ApiError(body.code, body.code === 'VALIDATION_FAILED' ? withoutFieldNames(message, body.details) : message, statusCode, body.requestId);
}

export function networkError(): ApiError {
  return new ApiError(NETWORK_ERROR, CLIENT_MESSAGES[NETWORK_ERROR]);
}

/** The message to show for any thrown value, so pages never print a raw exception. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : CLIENT_MESSAGES[UNEXPECTED_RESPONSE];
}

/**
 * Whether a failed request may still have done its work: lost on the network, or a 5xx from somewhere on the
 * way. Sending it again is safe only with the same idempotency key. A 4xx is a definite answer.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === NETWORK_ERROR || error.statusCode === undefined || error.statusCode >= 500;
}
