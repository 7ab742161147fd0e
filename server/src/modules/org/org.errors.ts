import { defineDomainError } from '../../core/http/domain-error';

export const OrgError = defineDomainError('OrgError', {
  STAFF_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  STORE_NOT_FOUND: 400,
  REGION_NOT_FOUND: 400,
  CANNOT_DEACTIVATE_SELF: 400,
});
