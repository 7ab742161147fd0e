import { z } from 'zod';
import { ServiceBookingStatus, ServiceType, WorkOrderStatus } from './enums.contract';
import { dateTimeSchema, idQuerySchema, idSchema, pageOf, pageQuerySchema } from './common.contract';
import { dueStatusSchema } from './vehicles.contract';

const id = idSchema;
const calendarDate = z.iso.date({ message: '日期格式应为 YYYY-MM-DD' });
const named = z.object({ id: z.number().int(), name: z.string() });

export const serviceTypeSchema = z.enum(ServiceType);

export const serviceSlotQuerySchema = z.object({ storeId: idQuerySchema, date: calendarDate });
export const serviceSlotSchema = z.object({ startAt: dateTimeSchema, endAt: dateTimeSchema, remaining: z.number().int() });

export const serviceItemQuerySchema = z.object({ modelId: idQuerySchema.optional() });
export const serviceItemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  labourHundredths: z.number().int(),
  parts: z.array(z.object({ partId: z.number().int(), code: z.string(), name: z.string(), quantity: z.number().int(), priceFen: z.number().int() })),
});

export const bookServiceSchema = z
  .object({
    vehicleId: id,
    storeId: id,
    serviceType: serviceTypeSchema,
    startAt: z.iso.datetime({ offset: true, message: '请选择到店时段' }),
    itemIds: z.array(id).max(30).default([]),
    note: z.string().trim().max(500).nullish(),
  })
  .strict();

export const rescheduleServiceSchema = z.object({ startAt: z.iso.datetime({ offset: true }) }).strict();

export const serviceBookingSchema = z.object({
  id: z.number().int(),
  status: z.enum(ServiceBookingStatus),
  serviceType: serviceTypeSchema,
  startAt: dateTimeSchema,
  endAt: dateTimeSchema,
  store: z.object({ id: z.number().int(), name: z.string(), address: z.string(), phone: z.string() }),
  vehicle: z.object({ id: z.number().int(), vin: z.string(), plate: z.string().nullable(), mileageKm: z.number().int(), model: named }),
  items: z.array(named),
  customerNote: z.string().nullable(),
  contactName: z.string(),
  /** Masked for staff roles that do not phone customers; the owner's own in the mini-program. */
  mobile: z.string(),
  workOrderId: z.number().int().nullable(),
  /** The owner may reschedule or cancel until then (null once it is no longer upcoming). */
  changeableUntil: dateTimeSchema.nullable(),
});

export const serviceCalendarQuerySchema = z.object({ storeId: idQuerySchema, from: calendarDate, to: calendarDate });

export const boardQuerySchema = z.object({ storeId: idQuerySchema, date: calendarDate.optional() });

export const partNeedSchema = z.object({ partId: z.number().int(), code: z.string(), name: z.string(), needed: z.number().int(), available: z.number().int(), short: z.number().int() });

export const boardSchema = z.object({
  storeId: z.number().int(),
  date: z.string(),
  capacityPerSlot: z.number().int(),
  arrivals: z.array(
    z.object({
      booking: serviceBookingSchema.pick({ id: true, status: true, serviceType: true, startAt: true, endAt: true, customerNote: true, contactName: true, mobile: true, workOrderId: true }),
      customer: z.object({ id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable(), vehicleCount: z.number().int() }),
      vehicle: z.object({
        id: z.number().int(),
        vin: z.string(),
        plate: z.string().nullable(),
        model: named,
        mileageKm: z.number().int(),
        projectedKm: z.number().int(),
        deliveredAt: dateTimeSchema,
        insuranceExpiresOn: z.string().nullable(),
        warrantyActive: z.boolean(),
      }),
      requestedItems: z.array(named),
      recommended: z.array(z.object({ itemId: z.number().int(), name: z.string(), status: dueStatusSchema })),
      /** Parts for the requested items against the store's stock, earlier arrivals served first. */
      parts: z.object({ ready: z.boolean(), lines: z.array(partNeedSchema) }),
      lastVisit: z.object({ servicedAt: dateTimeSchema, mileageKm: z.number().int(), store: named, totalFen: z.number().int(), items: z.array(z.string()) }).nullable(),
    }),
  ),
});

export const checkInSchema = z
  .object({
    bookingId: id.nullish(),
    /** A walk-in without a booking names the car, the store and the service type. */
    vehicleId: id.nullish(),
    storeId: id.nullish(),
    serviceType: serviceTypeSchema.nullish(),
    mileage: z.number().int().min(0).max(2_000_000),
    customerNote: z.string().trim().max(500).nullish(),
  })
  .strict();

export const workOrderLineInputSchema = z
  .object({
    /** A catalogue item fills in its name, standard labour and parts unless they are given. */
    itemId: id.nullish(),
    name: z.string().trim().min(1).max(64).nullish(),
    labourHundredths: z.number().int().min(0).max(10_000).nullish(),
    /** At most 20 parts of 100 each per line: a work order's totals are summed into INT columns. */
    parts: z.array(z.object({ partId: id, quantity: z.number().int().min(1).max(100) }).strict()).max(20).nullish(),
  })
  .strict();

export const setWorkOrderItemsSchema = z.object({ items: z.array(workOrderLineInputSchema).max(50) }).strict();

export const applyCouponSchema = z.object({ code: z.string().trim().min(4).max(16) }).strict();

export const moveWorkOrderSchema = z.object({ status: z.enum(WorkOrderStatus) }).strict();

export const workOrderListQuerySchema = pageQuerySchema.extend({
  storeId: idQuerySchema.optional(),
  status: z.enum(WorkOrderStatus).optional(),
  /** VIN, plate or the owner's mobile. */
  q: z.string().trim().max(32).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

export const workOrderSummarySchema = z.object({
  id: z.number().int(),
  status: z.enum(WorkOrderStatus),
  serviceType: serviceTypeSchema,
  store: named,
  vehicle: z.object({ id: z.number().int(), vin: z.string(), plate: z.string().nullable(), model: named }),
  customer: z.object({ id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable() }),
  advisor: named,
  checkInMileage: z.number().int(),
  totalFen: z.number().int(),
  checkedInAt: dateTimeSchema,
  settledAt: dateTimeSchema.nullable(),
});

export const workOrderPageSchema = pageOf(workOrderSummarySchema);

export const workOrderSchema = workOrderSummarySchema.extend({
  bookingId: z.number().int().nullable(),
  customerNote: z.string().nullable(),
  labourFen: z.number().int(),
  partsFen: z.number().int(),
  /** A member's coupon taken off the total. */
  discountFen: z.number().int(),
  coupon: z.object({ code: z.string(), name: z.string(), valueFen: z.number().int().nullable() }).nullable(),
  startedAt: dateTimeSchema.nullable(),
  qualityCheckedAt: dateTimeSchema.nullable(),
  readyAt: dateTimeSchema.nullable(),
  items: z.array(
    z.object({
      id: z.number().int(),
      itemId: z.number().int().nullable(),
      name: z.string(),
      labourHundredths: z.number().int(),
      labourRateFen: z.number().int(),
      labourFen: z.number().int(),
      parts: z.array(z.object({ id: z.number().int(), partId: z.number().int(), code: z.string(), name: z.string(), quantity: z.number().int(), unitPriceFen: z.number().int(), amountFen: z.number().int() })),
    }),
  ),
  /** The store's labour rate per hour, for pricing a line before it is saved. */
  labourRateFen: z.number().int(),
  /** The statuses this order may move to next. */
  allowedNext: z.array(z.enum(WorkOrderStatus)),
});

/** What the owner follows in the mini-program (维修进度). */
export const ownerWorkOrderSchema = z.object({
  id: z.number().int(),
  status: z.enum(WorkOrderStatus),
  serviceType: serviceTypeSchema,
  store: z.object({ id: z.number().int(), name: z.string(), phone: z.string() }),
  vehicle: z.object({ id: z.number().int(), plate: z.string().nullable(), model: named }),
  items: z.array(z.string()),
  totalFen: z.number().int(),
  checkedInAt: dateTimeSchema,
  startedAt: dateTimeSchema.nullable(),
  qualityCheckedAt: dateTimeSchema.nullable(),
  readyAt: dateTimeSchema.nullable(),
  settledAt: dateTimeSchema.nullable(),
});

export const partStockQuerySchema = z.object({ storeId: idQuerySchema, q: z.string().trim().max(32).optional() });
export const partStockSchema = z.object({
  partId: z.number().int(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  priceFen: z.number().int(),
  quantity: z.number().int(),
  /** What tomorrow's bookings need of it. */
  neededTomorrow: z.number().int(),
});
export const receivePartsSchema = z
  .object({ storeId: id, partId: id, quantity: z.number().int().min(1).max(100_000), reason: z.string().trim().min(1).max(128).default('入库') })
  .strict();
export const partMovementQuerySchema = z.object({ storeId: idQuerySchema, partId: idQuerySchema.optional() });
export const partMovementSchema = z.object({
  id: z.number().int(),
  part: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  delta: z.number().int(),
  reason: z.string(),
  workOrderId: z.number().int().nullable(),
  staff: named.nullable(),
  createdAt: dateTimeSchema,
});

export type BookServiceInput = z.infer<typeof bookServiceSchema>;
export type CheckInInput = z.infer<typeof checkInSchema>;
export type WorkOrderLineInput = z.infer<typeof workOrderLineInputSchema>;
export type WorkOrderListQuery = z.infer<typeof workOrderListQuerySchema>;

export const workshopSettingsInputSchema = z
  .object({
    serviceSlotMinutes: z.number().int().min(15).max(240),
    serviceBookingWindowDays: z.number().int().min(1).max(90),
    serviceJobsPerAdvisor: z.number().int().min(1).max(20),
    /** Per hour, at most 2,000 CNY: 50 lines of 100 hours at that rate still fit a work order's INT total. */
    labourRateFen: z.number().int().min(0).max(200_000),
    /** Bays in service; the rest are kept but taken out of service. */
    bayCount: z.number().int().min(0).max(50),
  })
  .strict();

export const workshopSettingsSchema = workshopSettingsInputSchema.extend({
  /** As saved: a rate saved before the input bound existed still reads. */
  labourRateFen: z.number().int(),
  storeId: z.number().int(),
  advisorsOnDuty: z.number().int(),
  /** min(bays, advisors on duty × jobs per advisor). */
  capacityPerSlot: z.number().int(),
});

