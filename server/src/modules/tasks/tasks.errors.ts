import { defineDomainError } from '../../core/http/domain-error';

export const TaskError = defineDomainError('TaskError', {
  TASK_NOT_FOUND: 404,
  TASK_ALREADY_CLOSED: 409,
});
