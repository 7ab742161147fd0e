import { z } from 'zod';
import type { EnergyType, MileageSource } from 'server/contracts/enums.contract';
import type * as models from 'server/contracts/vehicle-models.contract';
import * as contract from 'server/contracts/vehicles.contract';
import { request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';
import { plateSchema, vinSchema } from './test-drives';

// The catalogue of models on sale and the vehicle file (车辆档案) of each car the dealership sold or services,
// as server/contracts/vehicles.contract and vehicle-models.contract define them.

export type VehicleModel = Wire<typeof models.vehicleModelSchema>;
export type VehicleTrim = VehicleModel['trims'][number];

export type { EnergyType, MileageSource };
export const ENERGY_TYPE_LABELS: Record<EnergyType, string> = { ICE: '燃油', HEV: '油电混动', PHEV: '插电混动', BEV: '纯电' };

/** Where a maintenance item stands against its interval (whichever of date and mileage comes first). */
export const DUE_STATUSES = contract.dueStatusSchema.options;
export type DueStatus = z.infer<typeof contract.dueStatusSchema>;

export const DUE_STATUS_LABELS: Record<DueStatus, string> = { DUE: '已到期', DUE_SOON: '即将到期', NOT_DUE: '未到期' };

export const MILEAGE_SOURCE_LABELS: Record<MileageSource, string> = {
  DELIVERY: '交车',
  CHECK_IN: '进厂接车',
  OWNER: '车主上报',
  STAFF: '员工登记',
  CORRECTION: '更正',
};

// ---- Response shapes ----

export type VehicleSummary = Wire<typeof contract.vehicleSummarySchema>;
export type MaintenanceDue = Wire<typeof contract.maintenanceDueSchema>;
export type MaintenancePlan = Wire<typeof contract.maintenancePlanSchema>;
export type ServiceRecordLine = Wire<typeof contract.serviceRecordLineSchema>;
/** A finished visit: what was done, at what mileage, for how much. */
export type ServiceRecord = Wire<typeof contract.serviceRecordSchema>;
/** The whole file: the tabs 基本信息 / 保养计划 / 维修记录 / 保险 of `/vehicles/:id`. */
export type VehicleFile = Wire<typeof contract.vehicleFileSchema>;
export type MileageReading = VehicleFile['mileageReadings'][number];

// ---- Form schemas: the server's rules, with the messages a person reads; the request types are the contract's ----

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

export const updateVehicleSchema = createVehicleSchema
  .pick({ plate: true, colour: true, insuranceCompany: true, insuranceExpiresOn: true, warrantyEndsOn: true, warrantyKm: true })
  .partial();

/** A reading lower than the last one is a correction and needs a reason. */
export const recordMileageSchema = z.object({
  km: kmSchema,
  reason: z.string().trim().min(1, '请填写更正原因').max(255, '原因最多 255 个字符').nullish(),
});

// ---- Calls ----

export type VehicleListQuery = contract.VehicleListQuery;
export type CreateVehicleInput = z.input<typeof contract.createVehicleSchema>;
export type UpdateVehicleInput = z.input<typeof contract.updateVehicleSchema>;
export type RecordMileageInput = z.input<typeof contract.recordMileageSchema>;

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
