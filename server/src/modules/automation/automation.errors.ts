import { defineDomainError } from '../../core/http/domain-error';

export const AutomationError = defineDomainError('AutomationError', {
  CLOCK_NOT_CONTROLLED: 404,
  JOB_NOT_FOUND: 404,
  MESSAGE_NOT_FOUND: 404,
  OUTBOX_NOT_RESENDABLE: 409,
  REMINDER_RULE_DUPLICATE: 409,
  REMINDER_RULE_NOT_FOUND: 404,
});
