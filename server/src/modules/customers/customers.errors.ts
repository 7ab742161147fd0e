import { defineDomainError } from '../../core/http/domain-error';

export const CustomerError = defineDomainError('CustomerError', {
  CUSTOMER_NOT_FOUND: 404,
});
