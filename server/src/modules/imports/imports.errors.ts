import { defineDomainError } from '../../core/http/domain-error';

export const ImportError = defineDomainError('ImportError', {
  IMPORT_NOT_FOUND: 404,
  IMPORT_FILE_INVALID: 400,
  IMPORT_FILE_REJECTED: 400,
  IMPORT_ALREADY_RUNNING: 409,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_FORBIDDEN: 403,
  IMPORT_NOT_READY: 409,
  IMPORT_HAS_ERRORS: 409,
  IMPORT_ALREADY_COMMITTED: 409,
});
