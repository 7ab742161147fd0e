import { defineDomainError } from '../../core/http/domain-error';

export const MarketingError = defineDomainError('MarketingError', {
  CAMPAIGN_NOT_EDITABLE: 409,
  CAMPAIGN_NOT_FOUND: 404,
  SCHEDULE_IN_PAST: 400,
  SEGMENT_FILTER_INVALID: 409,
  SEGMENT_IN_USE: 409,
  SEGMENT_NOT_FOUND: 404,
});
