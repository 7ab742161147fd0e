import { z } from 'zod';
import { request, type Paged } from './client';
import type { Named } from './leads';
import type { ServiceBookingStatus, ServiceType, WorkOrderStatus } from './service';
import { plateSchema, vinSchema } from './test-drives';

// Mirrors server/src/contracts/vehicles.contract.ts: the catalogue of models on sale and the vehicle
// file (车辆档案) of each car the dealership sold or services.

export interface VehicleTrim {
  id: number;
  code: string;
  name: string;
  msrpFen: number;
}

export interface VehicleModel {
  id: number;
  code: string;
  name: string;
  brand: string;
  trims: VehicleTrim[];
}

export const ENERGY_TYPE_LABELS = { ICE: '燃油', HEV: '油电混动', PHEV: '插电混动', BEV: '纯电' } as const;
export type EnergyType = keyof typeof ENERGY_TYPE_LABELS;

/** Where a maintenance item stands against its interval (whichever of date and mileage comes first). */
export const DUE_STATUSES = ['DUE', 'DUE_SOON', 'NOT_DUE'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export const DUE_STATUS_LABELS: Record<DueStatus, string> = { DUE: '已到期', DUE_SOON: '即将到期', NOT_DUE: '未到期' };

export const MILEAGE_SOURCE_LABELS = {
  DELIVERY: '交车',
  CHECK_IN: '进厂接车',
  OWNER: '车主上报',
  STAFF: '员工登记',
  CORRECTION: '更正',
} as const;
export type MileageSource = keyof typeof MILEAGE_SOURCE_LABELS;

// ---- Response shapes ----

export interface VehicleSummary {
  id: number;
  vin: string;
  plate: string | null;
  model: Named & { energyType: EnergyType };
  owner: { id: number; name: string | null; mobile: string | null };
  store: Named | null;
  mileageKm: number;
  deliveredAt: string;
  lastServiceAt: string | null;
  /** A Shanghai calendar date, YYYY-MM-DD. */
  insuranceExpiresOn: string | null;
  /** When the owner bound the car in the mini-program. */
  boundAt: string | null;
}

export interface MaintenanceDue {
  itemId: number;
  code: string;
  name: string;
  status: DueStatus;
  /** Whichever limit comes first: the date (YYYY-MM-DD) and the mileage at which it falls due. */
  dueOn: string | null;
  dueKm: number | null;
  lastDoneOn: string | null;
  lastDoneKm: number | null;
  intervalKm: number | null;
  intervalMonths: number | null;
}

export interface MaintenancePlan {
  /** The mileage today, projected from the readings. */
  projectedKm: number;
  items: MaintenanceDue[];
  nextDue: {
    byDate: { name: string; dueOn: string } | null;
    byMileage: { name: string; dueKm: number } | null;
  };
}

export interface ServiceRecordLine {
  name: string;
  labourFen: number;
  parts: { name: string; quantity: number; amountFen: number }[];
}

/** A finished visit: what was done, at what mileage, for how much. */
export interface ServiceRecord {
  id: number;
  store: Named;
  serviceType: ServiceType;
  mileageKm: number;
  servicedAt: string;
  labourFen: number;
  partsFen: number;
  totalFen: number;
  lines: ServiceRecordLine[];
  workOrderId: number | null;
}

export interface MileageReading {
  id: number;
  km: number;
  source: MileageSource;
  reason: string | null;
  readAt: string;
  staff: Named | null;
}

/** The whole file: the tabs 基本信息 / 保养计划 / 维修记录 / 保险 of `/vehicles/:id`. */
export interface VehicleFile extends VehicleSummary {
  trim: Named | null;
  colour: string | null;
  options: string[];
  soldBy: Named | null;
  purchase: { orderId: number | null; priceFen: number | null; financePlan: string | null };
  mileageReadAt: string;
  insurance: { company: string | null; expiresOn: string | null };
  warranty: { endsOn: string | null; km: number | null; active: boolean };
  mileageReadings: MileageReading[];
  schedule: MaintenancePlan;
  serviceRecords: ServiceRecord[];
  bookings: { id: number; store: Named; serviceType: ServiceType; startAt: string; status: ServiceBookingStatus }[];
  workOrders: { id: number; store: Named; status: WorkOrderStatus; checkedInAt: string; totalFen: number }[];
}

// ---- Request bodies: the server's rules, with the messages a person reads ----

const id = z.number().int().positive();
const calendarDate = z.iso.date({ error: '请选择日期' });
export const MAX_KM = 2_000_000;

/** An odometer reading in whole kilometres, up to the server's ceiling. */
export const kmSchema = z
  .number({ error: '请填写里程' })
  .int('里程请填写整数公里')
  .min(0, '里程不能为负')
  .max(MAX_KM, '里程读数过大，请核对');

const mobileSchema = z
  .string({ error: '请输入车主手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入正确的 11 位手机号');

export const createVehicleSchema = z.object({
  vin: vinSchema,
  plate: plateSchema.nullish(),
  modelId: z.number({ error: '请选择车型' }).int().positive('请选择车型'),
  trimId: id.nullish(),
  colour: z.string().trim().max(32, '颜色最多 32 个字符').nullish(),
  options: z.array(z.string().trim().min(1).max(64, '每项选装最多 64 个字符')).max(50, '选装最多 50 项').nullish(),
  ownerMobile: mobileSchema,
  ownerName: z.string({ error: '请填写车主姓名' }).trim().min(1, '请填写车主姓名').max(64, '姓名最多 64 个字符'),
  storeId: id.nullish(),
  deliveredAt: calendarDate.optional(),
  mileage: kmSchema.default(0),
  priceFen: z.number().int().min(0, '金额不能为负').nullish(),
  financePlan: z.string().trim().max(255, '金融方案最多 255 个字符').nullish(),
  insuranceCompany: z.string().trim().max(64, '保险公司最多 64 个字符').nullish(),
  insuranceExpiresOn: calendarDate.nullish(),
  warrantyEndsOn: calendarDate.nullish(),
  warrantyKm: kmSchema.nullish(),
});
export type CreateVehicleInput = z.input<typeof createVehicleSchema>;

export const updateVehicleSchema = createVehicleSchema
  .pick({ plate: true, colour: true, insuranceCompany: true, insuranceExpiresOn: true, warrantyEndsOn: true, warrantyKm: true })
  .partial();
export type UpdateVehicleInput = z.input<typeof updateVehicleSchema>;

/** A reading lower than the last one is a correction and needs a reason. */
export const recordMileageSchema = z.object({
  km: kmSchema,
  reason: z.string().trim().min(1, '请填写更正原因').max(255, '原因最多 255 个字符').nullish(),
});
export type RecordMileageInput = z.input<typeof recordMileageSchema>;

// ---- Calls ----

// A type alias, not an interface, so it fits the client's query record as it is.
export type VehicleListQuery = {
  /** A VIN (or its last 6+ characters), a plate or an owner's mobile. */
  q?: string;
  storeId?: number;
  modelId?: number;
  page: number;
  pageSize: number;
};

export function listVehicleModels(signal?: AbortSignal): Promise<VehicleModel[]> {
  return request<VehicleModel[]>('/vehicle-models', { signal, authenticated: false });
}

export function listVehicles(query: VehicleListQuery, signal?: AbortSignal): Promise<Paged<VehicleSummary>> {
  return request<Paged<VehicleSummary>>('/vehicles', { query, signal });
}

export function fetchVehicle(vehicleId: number, signal?: AbortSignal): Promise<VehicleFile> {
  return request<VehicleFile>(`/vehicles/${vehicleId}`, { signal });
}

export function createVehicle(input: CreateVehicleInput): Promise<VehicleFile> {
  return request<VehicleFile>('/vehicles', { method: 'POST', body: createVehicleSchema.parse(input) });
}

export function updateVehicle(vehicleId: number, input: UpdateVehicleInput): Promise<VehicleFile> {
  return request<VehicleFile>(`/vehicles/${vehicleId}`, { method: 'PATCH', body: updateVehicleSchema.parse(input) });
}

export function recordMileage(vehicleId: number, input: RecordMileageInput): Promise<VehicleFile> {
  return request<VehicleFile>(`/vehicles/${vehicleId}/mileage`, { method: 'POST', body: recordMileageSchema.parse(input) });
}
