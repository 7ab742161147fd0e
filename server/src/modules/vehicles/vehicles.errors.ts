import { defineDomainError } from '../../core/http/domain-error';

export const VehicleError = defineDomainError('VehicleError', {
  VEHICLE_NOT_FOUND: 404,
  VEHICLE_EXISTS: 409,
  PLATE_TAKEN: 409,
  MODEL_NOT_FOUND: 404,
  TRIM_NOT_FOUND: 404,
  STORE_NOT_FOUND: 404,
  STORE_REQUIRED: 400,
  MILEAGE_DECREASING: 409,
  MOBILE_NOT_VERIFIED: 403,
  VEHICLE_NOT_MATCHED: 422,
});
