import { defineDomainError } from '../../core/http/domain-error';

export const CustomerError = defineDomainError('CustomerError', {
  BIRTHDAY_INVALID: 400,
  CUSTOMER_NOT_FOUND: 404,
});
