import { defineDomainError } from '../../core/http/domain-error';

export const NotificationError = defineDomainError('NotificationError', {
  NOTIFICATION_NOT_FOUND: 404,
});
