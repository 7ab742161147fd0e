import { z } from 'zod';
import { EnergyType, MileageSource, ServiceBookingStatus, ServiceType, WorkOrderStatus } from './enums.contract';
import { isValidVin } from './vin.rules';
import { calendarDateSchema, dateTimeSchema, fenAmount, idQuerySchema, idSchema, mobileSchema, pageOf, pageQuerySchema, storedInstantSchema } from './common.contract';
import { plateSchema } from './test-drives.contract';

const id = idSchema;
const calendarDate = calendarDateSchema;

export const vinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidVin, 'VIN 无效：须为 17 位字母数字（不含 I、O、Q），第 9 位校验位正确');

export const createVehicleSchema = z
  .object({
    vin: vinSchema,
    plate: plateSchema.nullish(),
    modelId: id,
    trimId: id.nullish(),
    colour: z.string().trim().max(32).nullish(),
    options: z.array(z.string().trim().min(1).max(64)).max(50).nullish(),
    ownerMobile: mobileSchema,
    ownerName: z.string().trim().min(1, '请填写车主姓名').max(64),
    /** The car's home store; defaults to the caller's store. */
    storeId: id.nullish(),
    deliveredAt: z.union([calendarDate, storedInstantSchema], { error: '交车时间须为 1900–2100 年间的日期（YYYY-MM-DD）或 ISO 8601 时间' }).optional(),
    mileage: z.number().int().min(0).max(2_000_000).default(0),
    priceFen: fenAmount().nullish(),
    financePlan: z.string().trim().max(255).nullish(),
    insuranceCompany: z.string().trim().max(64).nullish(),
    insuranceExpiresOn: calendarDate.nullish(),
    warrantyEndsOn: calendarDate.nullish(),
    warrantyKm: z.number().int().min(0).max(2_000_000).nullish(),
  })
  .strict();

export const updateVehicleSchema = z
  .object({
    plate: plateSchema.nullish(),
    colour: z.string().trim().max(32).nullish(),
    insuranceCompany: z.string().trim().max(64).nullish(),
    insuranceExpiresOn: calendarDate.nullish(),
    warrantyEndsOn: calendarDate.nullish(),
    warrantyKm: z.number().int().min(0).max(2_000_000).nullish(),
  })
  .strict();

/** A reading lower than the last one is a correction and needs a reason (staff only). */
export const recordMileageSchema = z
  .object({ km: z.number().int().min(0).max(2_000_000), reason: z.string().trim().min(1).max(255).nullish() })
  .strict();

export const vehicleListQuerySchema = pageQuerySchema.extend({
  /** A VIN (or its last 6+ characters), a plate or an owner's mobile. */
  q: z.string().trim().max(32).optional(),
  storeId: idQuerySchema.optional(),
  modelId: idQuerySchema.optional(),
});

export const bindVehicleSchema = z.object({ vin: z.string().trim().toUpperCase().max(17), plate: z.string().max(12) }).strict();

const modelRef = z.object({ id: z.number().int(), name: z.string(), energyType: z.enum(EnergyType) });
const named = z.object({ id: z.number().int(), name: z.string() });

export const dueStatusSchema = z.enum(['DUE', 'DUE_SOON', 'NOT_DUE']);

export const maintenanceDueSchema = z.object({
  itemId: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: dueStatusSchema,
  /** Whichever limit comes first: the date (YYYY-MM-DD) and the mileage at which it falls due. */
  dueOn: z.string().nullable(),
  dueKm: z.number().int().nullable(),
  lastDoneOn: z.string().nullable(),
  lastDoneKm: z.number().int().nullable(),
  intervalKm: z.number().int().nullable(),
  intervalMonths: z.number().int().nullable(),
});

export const maintenancePlanSchema = z.object({
  /** The mileage today, projected from the readings. */
  projectedKm: z.number().int(),
  items: z.array(maintenanceDueSchema),
  nextDue: z.object({
    byDate: z.object({ name: z.string(), dueOn: z.string() }).nullable(),
    byMileage: z.object({ name: z.string(), dueKm: z.number().int() }).nullable(),
  }),
});

export const serviceRecordLineSchema = z.object({
  name: z.string(),
  labourFen: z.number().int(),
  parts: z.array(z.object({ name: z.string(), quantity: z.number().int(), amountFen: z.number().int() })),
});

export const serviceRecordSchema = z.object({
  id: z.number().int(),
  store: named,
  serviceType: z.enum(ServiceType),
  mileageKm: z.number().int(),
  servicedAt: dateTimeSchema,
  labourFen: z.number().int(),
  partsFen: z.number().int(),
  totalFen: z.number().int(),
  lines: z.array(serviceRecordLineSchema),
  workOrderId: z.number().int().nullable(),
});

export const vehicleSummarySchema = z.object({
  id: z.number().int(),
  vin: z.string(),
  plate: z.string().nullable(),
  model: modelRef,
  owner: z.object({ id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable() }),
  store: named.nullable(),
  mileageKm: z.number().int(),
  deliveredAt: dateTimeSchema,
  lastServiceAt: dateTimeSchema.nullable(),
  insuranceExpiresOn: z.string().nullable(),
  boundAt: dateTimeSchema.nullable(),
});

export const vehiclePageSchema = pageOf(vehicleSummarySchema);

export const vehicleFileSchema = vehicleSummarySchema.extend({
  trim: named.nullable(),
  colour: z.string().nullable(),
  options: z.array(z.string()),
  soldBy: named.nullable(),
  purchase: z.object({ orderId: z.number().int().nullable(), priceFen: z.number().int().nullable(), financePlan: z.string().nullable() }),
  mileageReadAt: dateTimeSchema,
  insurance: z.object({ company: z.string().nullable(), expiresOn: z.string().nullable() }),
  warranty: z.object({ endsOn: z.string().nullable(), km: z.number().int().nullable(), active: z.boolean() }),
  mileageReadings: z.array(
    z.object({ id: z.number().int(), km: z.number().int(), source: z.enum(MileageSource), reason: z.string().nullable(), readAt: dateTimeSchema, staff: named.nullable() }),
  ),
  schedule: maintenancePlanSchema,
  serviceRecords: z.array(serviceRecordSchema),
  bookings: z.array(z.object({ id: z.number().int(), store: named, serviceType: z.enum(ServiceType), startAt: dateTimeSchema, status: z.enum(ServiceBookingStatus) })),
  workOrders: z.array(z.object({ id: z.number().int(), store: named, status: z.enum(WorkOrderStatus), checkedInAt: dateTimeSchema, totalFen: z.number().int() })),
});

/** What the owner sees of their car in the mini-program. */
export const ownerVehicleSchema = z.object({
  id: z.number().int(),
  /** The car's home store, for booking and calling. */
  store: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }).nullable(),
  vin: z.string(),
  plate: z.string().nullable(),
  model: modelRef,
  colour: z.string().nullable(),
  mileageKm: z.number().int(),
  deliveredAt: dateTimeSchema,
  insurance: z.object({ company: z.string().nullable(), expiresOn: z.string().nullable() }),
  warranty: z.object({ endsOn: z.string().nullable(), km: z.number().int().nullable(), active: z.boolean() }),
  nextDue: maintenancePlanSchema.shape.nextDue,
});

export const ownerVehicleFileSchema = ownerVehicleSchema.extend({
  schedule: maintenancePlanSchema,
  serviceRecords: z.array(serviceRecordSchema),
});

export type CreateVehicleInput = z.infer<typeof createVehicleSchema>;
export type UpdateVehicleInput = z.infer<typeof updateVehicleSchema>;
export type VehicleListQuery = z.infer<typeof vehicleListQuerySchema>;
