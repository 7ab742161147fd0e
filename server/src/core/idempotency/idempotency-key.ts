import { HttpError } from '../http/domain-error';

const IDEMPOTENCY_KEY = /^[\w.:-]{1,128}$/;

/** The Idempotency-Key header, checked: 1–128 letters, digits or ._:- (it becomes part of a unique column). */
export function idempotencyKeyFrom(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new HttpError('VALIDATION_FAILED', 'Idempotency-Key 须为 1–128 位字母、数字或 ._:-', [{ path: 'Idempotency-Key', message: '格式不正确' }]);
  }
  return header;
}
