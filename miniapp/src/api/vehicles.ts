import { request } from './request';
import type { ServiceType } from './service';
import type { EnergyType } from './vehicle-models';

// The owner's side of the vehicle file, mirrored from server/src/contracts/vehicles.contract.ts
// (ownerVehicleSchema, ownerVehicleFileSchema).

/** Where a schedule item stands: past its date or mileage, within the reminder margin, or not yet. */
export type DueStatus = 'DUE' | 'DUE_SOON' | 'NOT_DUE';

export interface MaintenanceDue {
  itemId: number;
  code: string;
  name: string;
  status: DueStatus;
  /** Whichever limit comes first: the Shanghai date ('YYYY-MM-DD') and the mileage at which it falls due. */
  dueOn: string | null;
  dueKm: number | null;
  lastDoneOn: string | null;
  lastDoneKm: number | null;
  intervalKm: number | null;
  intervalMonths: number | null;
}

/** The next item to fall due by date and the next by mileage; either may be missing. */
export interface NextDue {
  byDate: { name: string; dueOn: string } | null;
  byMileage: { name: string; dueKm: number } | null;
}

export interface MaintenancePlan {
  /** The mileage today, projected from the readings. */
  projectedKm: number;
  items: MaintenanceDue[];
  nextDue: NextDue;
}

export interface ServiceRecord {
  id: number;
  store: { id: number; name: string };
  serviceType: ServiceType;
  mileageKm: number;
  /** ISO instant. */
  servicedAt: string;
  labourFen: number;
  partsFen: number;
  totalFen: number;
  lines: Array<{
    name: string;
    labourFen: number;
    parts: Array<{ name: string; quantity: number; amountFen: number }>;
  }>;
  workOrderId: number | null;
}

export interface OwnerVehicle {
  id: number;
  /** The car's home store: preselected for 预约保养, and the one to call. Null for a car without one on file. */
  store: { id: number; name: string; phone: string } | null;
  vin: string;
  plate: string | null;
  model: { id: number; name: string; energyType: EnergyType };
  colour: string | null;
  mileageKm: number;
  /** ISO instant. */
  deliveredAt: string;
  /** `expiresOn` is a Shanghai date, 'YYYY-MM-DD'. */
  insurance: { company: string | null; expiresOn: string | null };
  /** `endsOn` is a Shanghai date; `active` is the server's verdict (date and mileage). */
  warranty: { endsOn: string | null; km: number | null; active: boolean };
  nextDue: NextDue;
}

export interface OwnerVehicleFile extends OwnerVehicle {
  schedule: MaintenancePlan;
  serviceRecords: ServiceRecord[];
}

export interface BindVehicleInput {
  vin: string;
  plate: string;
}

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
  return request<OwnerVehicleFile>({ method: 'POST', path: `/me/vehicles/${vehicleId}/mileage`, body: { km } });
}
