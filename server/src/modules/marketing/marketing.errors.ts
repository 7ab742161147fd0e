import { defineDomainError } from '../../core/http/domain-error';

export const MarketingError = defineDomainError('MarketingError', {
  SEGMENT_NOT_FOUND: 404,
});
