import { defineDomainError } from '../../core/http/domain-error';

export const FeedbackError = defineDomainError('FeedbackError', {
  COMPLAINT_NOT_FOUND: 404,
  COMPLAINT_TRANSITION_INVALID: 409,
  RESOLUTION_REQUIRED: 400,
  STORE_NOT_FOUND: 404,
  STORE_REQUIRED: 400,
  SURVEY_ALREADY_ANSWERED: 409,
  SURVEY_NOT_FOUND: 404,
});
