import { defineDomainError } from '../../core/http/domain-error';

export const AuthError = defineDomainError('AuthError', {
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  SMS_TOO_FREQUENT: 429,
  SMS_CODE_INVALID: 400,
  WECHAT_LOGIN_FAILED: 401,
});
