import { defineDomainError } from '../../core/http/domain-error';

export const CustomerError = defineDomainError('CustomerError', {
  BIRTHDAY_INVALID: 400,
  CONSENT_VERSION_OUTDATED: 409,
  CUSTOMER_NOT_FOUND: 404,
});
