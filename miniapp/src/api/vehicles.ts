import type {
  bindVehicleSchema,
  dueStatusSchema,
  maintenanceDueSchema,
  maintenancePlanSchema,
  ownerVehicleFileSchema,
  ownerVehicleSchema,
  recordMileageSchema,
  serviceRecordSchema,
} from 'server/contracts/vehicles.contract';
import { request } from './request';
import type { Wire, Body } from './wire';

// The owner's side of the vehicle file (ownerVehicleSchema, ownerVehicleFileSchema).

/** Where a schedule item stands: past its date or mileage, within the reminder margin, or not yet. */
export type DueStatus = Wire<typeof dueStatusSchema>;

/** `dueOn`/`dueKm`: whichever limit comes first, the Shanghai date ('YYYY-MM-DD') and the mileage it falls due at. */
export type MaintenanceDue = Wire<typeof maintenanceDueSchema>;

/** `projectedKm` is the mileage today, projected from the readings. */
export type MaintenancePlan = Wire<typeof maintenancePlanSchema>;

/** The next item to fall due by date and the next by mileage; either may be missing. */
export type NextDue = MaintenancePlan['nextDue'];

export type ServiceRecord = Wire<typeof serviceRecordSchema>;

/**
 * `store` is the car's home store (preselected for 预约保养, the one to call), null when none is on file;
 * `insurance.expiresOn` and `warranty.endsOn` are Shanghai dates; `warranty.active` is the server's verdict.
 */
export type OwnerVehicle = Wire<typeof ownerVehicleSchema>;

export type OwnerVehicleFile = Wire<typeof ownerVehicleFileSchema>;

export type BindVehicleInput = Body<typeof bindVehicleSchema>;

/** The answer to a bind attempt from a customer who never proved a mobile by SMS code. */
export const MOBILE_NOT_VERIFIED = 'MOBILE_NOT_VERIFIED';
/** Wrong VIN or plate, or not the customer's car: the server does not say which. */
export const VEHICLE_NOT_MATCHED = 'VEHICLE_NOT_MATCHED';

export function bindVehicle(input: BindVehicleInput): Promise<OwnerVehicle> {
  return request<OwnerVehicle>({ method: 'POST', path: '/me/vehicles/bind', body: input });
}

export function listMyVehicles(): Promise<OwnerVehicle[]> {
  return request<OwnerVehicle[]>({ path: '/me/vehicles' });
}

export function getMyVehicle(vehicleId: number): Promise<OwnerVehicleFile> {
  return request<OwnerVehicleFile>({ path: `/me/vehicles/${vehicleId}` });
}

/** The odometer as the owner reads it; lower than the last reading is refused (MILEAGE_DECREASING). */
export function reportMileage(vehicleId: number, km: number): Promise<OwnerVehicleFile> {
  // The owner's route takes the reading only: a lower one is refused, never corrected with a reason.
  const body: Pick<Body<typeof recordMileageSchema>, 'km'> = { km };
  return request<OwnerVehicleFile>({ method: 'POST', path: `/me/vehicles/${vehicleId}/mileage`, body });
}
