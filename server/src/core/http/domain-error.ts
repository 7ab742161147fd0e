/**
 * Base of every domain's error type. A domain declares its codes with their HTTP statuses once
 * (`defineDomainError`), throws `new XError(code, message)`, and the global filter answers
 * `{statusCode, code, message, requestId, details?}` — no code is mapped anywhere else.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly statusCode: number;
  readonly details?: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.details = details;
  }
}

export function defineDomainError<Codes extends Record<string, number>>(name: string, statuses: Codes) {
  return class extends DomainError {
    readonly code: Extract<keyof Codes, string>;
    readonly statusCode: number;

    constructor(code: Extract<keyof Codes, string>, message: string, details?: unknown) {
      super(message, details);
      this.name = name;
      this.code = code;
      this.statusCode = statuses[code];
    }
  };
}

/** Codes every part of the API can answer with. */
export const HttpError = defineDomainError('HttpError', {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
});
export type HttpError = InstanceType<typeof HttpError>;
