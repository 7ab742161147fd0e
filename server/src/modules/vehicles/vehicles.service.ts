import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { MileageSource, StaffRole } from '../../generated/prisma/enums';
import type { UpdateVehicleInput, VehicleListQuery } from '../../contracts/vehicles.contract';
import { isMainlandMobile } from '../../contracts/common.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { CustomersService } from '../customers/customers.service';
import { isMainlandPlate, normalizePlate } from '../../contracts/plate.rules';
import { StoresService } from '../org/stores.service';
import { LastService, maintenanceDue, mileageProblem, nextDue, projectMileage, warrantyActive } from './maintenance.rules';
import { VehicleError } from './vehicles.errors';
import { byIdPages, mapBatches } from '../../core/exports/xlsx-export';

type Db = Prisma.TransactionClient | PrismaService;

const SUMMARY_FIELDS = {
  id: true,
  vin: true,
  plate: true,
  mileageKm: true,
  deliveredAt: true,
  lastServiceAt: true,
  insuranceExpiresOn: true,
  boundAt: true,
  model: { select: { id: true, name: true, energyType: true } },
  owner: { select: { id: true, name: true, mobile: true } },
  store: { select: { id: true, name: true, phone: true } },
} satisfies Prisma.VehicleSelect;

const FILE_FIELDS = {
  ...SUMMARY_FIELDS,
  modelId: true,
  colour: true,
  options: true,
  orderId: true,
  priceFen: true,
  financePlan: true,
  mileageReadAt: true,
  insuranceCompany: true,
  warrantyEndsOn: true,
  warrantyKm: true,
  trim: { select: { id: true, name: true } },
  soldBy: { select: { id: true, name: true } },
  mileageReadings: { select: { id: true, km: true, source: true, reason: true, readAt: true, staff: { select: { id: true, name: true } } }, orderBy: { readAt: 'desc' }, take: 100 },
  serviceRecords: {
    select: { id: true, serviceType: true, mileageKm: true, servicedAt: true, labourFen: true, partsFen: true, totalFen: true, lines: true, workOrderId: true, store: { select: { id: true, name: true } } },
    orderBy: { servicedAt: 'desc' },
    take: 200,
  },
} satisfies Prisma.VehicleSelect;

type FileRow = Prisma.VehicleGetPayload<{ select: typeof FILE_FIELDS }>;

/** A Prisma `@db.Date` column as the calendar date it means. */
export const calendarDateOf = (value: Date | null): string | null => (value ? value.toISOString().slice(0, 10) : null);
/** A calendar date from the API as the `@db.Date` value it is stored as (null clears it, undefined leaves it). */
export const dateColumn = (date: string | null | undefined) => (date ? new Date(`${date}T00:00:00Z`) : date === null ? null : undefined);

export interface VehiclePlan {
  projectedKm: number;
  items: ReturnType<typeof maintenanceDue>;
  nextDue: ReturnType<typeof nextDue>;
}

/** 一车一档: the vehicle file, its mileage readings and what its maintenance schedule asks of it. */
function groupBy<Item, Key>(items: Item[], keyOf: (item: Item) => Key): Map<Key, Item[]> {
  const groups = new Map<Key, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

@Injectable()
export class VehiclesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly customers: CustomersService,
    private readonly stores: StoresService,
  ) {}

  async list(caller: StaffCaller, query: VehicleListQuery) {
    const where = this.listWhere(caller, query);
    const [rows, total] = await Promise.all([
      this.prisma.vehicle.findMany({ where, select: SUMMARY_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.vehicle.count({ where }),
    ]);
    return { items: rows.map((row) => this.summary(row, caller.role)), total, page: query.page, pageSize: query.pageSize };
  }

  /** The 车辆档案 list's rows (same filters, scope and masking), newest first, a batch at a time, for export. */
  exportBatches(caller: StaffCaller, query: Omit<VehicleListQuery, 'page' | 'pageSize'>) {
    const where = this.listWhere(caller, query);
    return mapBatches(
      byIdPages((beforeId, take) => this.prisma.vehicle.findMany({ where: { AND: [where, beforeId ? { id: { lt: beforeId } } : {}] }, select: SUMMARY_FIELDS, orderBy: { id: 'desc' }, take })),
      (row) => this.summary(row, caller.role),
    );
  }

  private listWhere(caller: StaffCaller, query: Omit<VehicleListQuery, 'page' | 'pageSize'>): Prisma.VehicleWhereInput {
    return { AND: [this.scope(caller), searchWhere(query.q), query.storeId ? { storeId: query.storeId } : {}, query.modelId ? { modelId: query.modelId } : {}] };
  }

  async file(caller: StaffCaller, vehicleId: number, now = new Date()) {
    const row = await this.prisma.vehicle.findFirst({
      where: { id: vehicleId, ...this.scope(caller) },
      select: {
        ...FILE_FIELDS,
        serviceBookings: { select: { id: true, serviceType: true, startAt: true, status: true, store: { select: { id: true, name: true } } }, orderBy: { startAt: 'desc' }, take: 50 },
        workOrders: { select: { id: true, status: true, checkedInAt: true, totalFen: true, store: { select: { id: true, name: true } } }, orderBy: { checkedInAt: 'desc' }, take: 50 },
      },
    });
    if (!row) throw new VehicleError('VEHICLE_NOT_FOUND', '车辆不存在');
    const plan = (await this.plansFor([row], now)).get(row.id)!;
    const { serviceBookings, workOrders, ...fileRow } = row;
    return {
      ...this.summary(row, caller.role),
      ...this.fileView(fileRow, plan, now),
      trim: row.trim,
      soldBy: row.soldBy,
      purchase: { orderId: row.orderId, priceFen: row.priceFen, financePlan: row.financePlan },
      mileageReadings: row.mileageReadings,
      bookings: serviceBookings,
      workOrders,
    };
  }

  /** Finds a car in the caller's scope, or 404. Other domains check access through this. */
  async findInScope(caller: StaffCaller, vehicleId: number) {
    const vehicle = await this.prisma.vehicle.findFirst({ where: { id: vehicleId, ...this.scope(caller) }, select: { id: true, ownerId: true, storeId: true, modelId: true, mileageKm: true } });
    if (!vehicle) throw new VehicleError('VEHICLE_NOT_FOUND', '车辆不存在');
    return vehicle;
  }

  async update(caller: StaffCaller, vehicleId: number, input: UpdateVehicleInput) {
    await this.findInScope(caller, vehicleId);
    try {
      await this.prisma.vehicle.update({
        where: { id: vehicleId },
        data: {
          plate: input.plate,
          colour: input.colour,
          insuranceCompany: input.insuranceCompany,
          insuranceExpiresOn: dateColumn(input.insuranceExpiresOn),
          warrantyEndsOn: dateColumn(input.warrantyEndsOn),
          warrantyKm: input.warrantyKm,
        },
        select: { id: true },
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new VehicleError('PLATE_TAKEN', `车牌 ${input.plate} 已登记在另一辆车上`, [{ path: 'plate', message: '车牌已被占用' }]);
      throw error;
    }
    return this.file(caller, vehicleId);
  }

  async recordMileageByStaff(caller: StaffCaller, vehicleId: number, km: number, reason: string | null | undefined) {
    await this.findInScope(caller, vehicleId);
    await this.recordMileage(this.prisma, vehicleId, km, { source: reason ? MileageSource.CORRECTION : MileageSource.STAFF, staffId: caller.staffId, reason: reason ?? null });
    return this.file(caller, vehicleId);
  }

  /**
   * Appends a reading and moves the car's current mileage, refusing one below the latest unless it is a
   * staff correction. The conditional update keeps two readings racing from lowering the mileage.
   */
  async recordMileage(db: Db, vehicleId: number, km: number, how: { source: MileageSource; staffId?: number | null; reason?: string | null }, now = new Date()) {
    const correction = how.source === MileageSource.CORRECTION;
    const vehicle = await db.vehicle.findUniqueOrThrow({ where: { id: vehicleId }, select: { mileageKm: true } });
    if (mileageProblem(vehicle.mileageKm, km, correction ? how.reason : null)) {
      throw new VehicleError('MILEAGE_DECREASING', `里程 ${km} km 低于上次记录的 ${vehicle.mileageKm} km；如需更正请由门店填写原因`, [{ path: 'km', message: '里程不能减少' }]);
    }
    const moved = await db.vehicle.updateMany({ where: { id: vehicleId, ...(correction ? {} : { mileageKm: { lte: km } }) }, data: { mileageKm: km, mileageReadAt: now } });
    if (moved.count !== 1) throw new VehicleError('MILEAGE_DECREASING', '里程不能低于最新记录', [{ path: 'km', message: '里程不能减少' }]);
    await db.mileageReading.create({ data: { vehicleId, km, source: how.source, staffId: how.staffId ?? null, reason: how.reason ?? null, readAt: now }, select: { id: true } });
  }

  // ---- the service history (一车一档), written and read by the workshop ----

  /**
   * A settled visit enters the car's file, in the settlement's transaction: what was done (a snapshot), which
   * schedule items it covered (for the next recommendation), and when the car was last serviced.
   */
  async recordServiceVisit(tx: Prisma.TransactionClient, visit: Omit<Prisma.ServiceRecordUncheckedCreateInput, 'id' | 'lines'> & { vehicleId: number; lines: Prisma.InputJsonValue; itemIds: number[] }): Promise<{ id: number }> {
    const { itemIds, ...data } = visit;
    const record = await tx.serviceRecord.create({ data, select: { id: true } });
    if (itemIds.length) await tx.serviceRecordItem.createMany({ data: itemIds.map((itemId) => ({ recordId: record.id, vehicleId: visit.vehicleId, itemId })) });
    await tx.vehicle.update({ where: { id: visit.vehicleId }, data: { lastServiceAt: visit.servicedAt }, select: { id: true } });
    return record;
  }

  /** The visits in these cars' files, latest first. */
  serviceVisitsOf(vehicleIds: number[]) {
    return this.prisma.serviceRecord.findMany({
      where: { vehicleId: { in: vehicleIds } },
      select: { vehicleId: true, servicedAt: true, mileageKm: true, totalFen: true, lines: true, store: { select: { id: true, name: true } } },
      orderBy: { servicedAt: 'desc' },
    });
  }

  // ---- the owner, in the mini-program ----

  /**
   * Binds a car to the signed-in owner when VIN and plate match the file and the customer is its owner by a
   * verified mobile. Every mismatch gets the same answer, so the endpoint does not tell whether a VIN exists.
   */
  async bind(customerId: number, vin: string, plateInput: string, now = new Date()) {
    if (!(await this.customers.mobileVerifiedAt(customerId))) throw new VehicleError('MOBILE_NOT_VERIFIED', '请先用购车时登记的手机号验证登录，再绑定爱车');
    const plate = normalizePlate(plateInput);
    const vehicle = isMainlandPlate(plate) ? await this.prisma.vehicle.findFirst({ where: { vin, plate, ownerId: customerId }, select: { id: true } }) : null;
    if (!vehicle) throw new VehicleError('VEHICLE_NOT_MATCHED', '车架号与车牌不匹配，或该车未登记在您验证的手机号名下；如有疑问请联系门店');
    await this.prisma.vehicle.updateMany({ where: { id: vehicle.id, boundAt: null }, data: { boundAt: now } });
    return (await this.ownerVehicles(customerId, now, vehicle.id))[0];
  }

  async ownerVehicles(customerId: number, now = new Date(), onlyId?: number) {
    const rows = await this.prisma.vehicle.findMany({ where: { ownerId: customerId, boundAt: { not: null }, ...(onlyId ? { id: onlyId } : {}) }, select: FILE_FIELDS, orderBy: { boundAt: 'asc' } });
    const plans = await this.plansFor(rows, now);
    return rows.map((row) => {
      const { schedule, serviceRecords: _records, ...view } = this.fileView(row, plans.get(row.id)!, now);
      return { ...view, nextDue: schedule.nextDue };
    });
  }

  async ownerFile(customerId: number, vehicleId: number, now = new Date()) {
    const row = await this.ownedRow(customerId, vehicleId);
    const plan = (await this.plansFor([row], now)).get(row.id)!;
    const view = this.fileView(row, plan, now);
    return { ...view, nextDue: view.schedule.nextDue };
  }

  async recordMileageByOwner(customerId: number, vehicleId: number, km: number) {
    await this.ownedRow(customerId, vehicleId);
    await this.recordMileage(this.prisma, vehicleId, km, { source: MileageSource.OWNER });
    return this.ownerFile(customerId, vehicleId);
  }

  /** A bound car of this owner, or 404 (another's car is simply not found). */
  async ownedRow(customerId: number, vehicleId: number) {
    const row = await this.prisma.vehicle.findFirst({ where: { id: vehicleId, ownerId: customerId, boundAt: { not: null } }, select: FILE_FIELDS });
    if (!row) throw new VehicleError('VEHICLE_NOT_FOUND', '车辆不存在');
    return row;
  }

  /**
   * The maintenance plan of several cars at once (the workshop board asks for a day's arrivals): their
   * models' schedules, the last time each item was done, and the mileage projected from the readings.
   */
  async plansFor(vehicles: { id: number; modelId: number; deliveredAt: Date }[], now: Date): Promise<Map<number, VehiclePlan>> {
    const vehicleIds = vehicles.map((vehicle) => vehicle.id);
    if (vehicleIds.length === 0) return new Map();
    const [rules, done, readings] = await Promise.all([
      this.prisma.maintenanceRule.findMany({
        where: { modelId: { in: [...new Set(vehicles.map((vehicle) => vehicle.modelId))] } },
        select: { modelId: true, itemId: true, intervalKm: true, intervalMonths: true, firstKm: true, firstMonths: true, item: { select: { code: true, name: true, sortOrder: true } } },
        orderBy: { item: { sortOrder: 'asc' } },
      }),
      this.prisma.serviceRecordItem.findMany({ where: { vehicleId: { in: vehicleIds } }, select: { vehicleId: true, itemId: true, record: { select: { servicedAt: true, mileageKm: true } } } }),
      this.prisma.mileageReading.findMany({ where: { vehicleId: { in: vehicleIds } }, select: { vehicleId: true, km: true, readAt: true, source: true } }),
    ]);
    const readingsOf = groupBy(readings, (reading) => reading.vehicleId);
    const doneOf = groupBy(done, (entry) => entry.vehicleId);
    const rulesOf = groupBy(rules, (rule) => rule.modelId);
    const plans = new Map<number, VehiclePlan>();
    for (const vehicle of vehicles) {
      const ownReadings = readingsOf.get(vehicle.id) ?? [];
      const lastServices = new Map<number, LastService>();
      for (const entry of doneOf.get(vehicle.id) ?? []) {
        const previous = lastServices.get(entry.itemId);
        if (!previous || previous.doneAt < entry.record.servicedAt) lastServices.set(entry.itemId, { doneAt: entry.record.servicedAt, km: entry.record.mileageKm });
      }
      // Readings taken after a correction describe the car; a wrong reading that was corrected does not.
      const lastCorrection = ownReadings.filter((reading) => reading.source === MileageSource.CORRECTION).reduce<Date | null>((latest, reading) => (!latest || reading.readAt > latest ? reading.readAt : latest), null);
      const pace = lastCorrection ? ownReadings.filter((reading) => reading.readAt >= lastCorrection) : ownReadings;
      const deliveryReading = ownReadings.filter((reading) => reading.source === MileageSource.DELIVERY).sort((a, b) => a.readAt.getTime() - b.readAt.getTime())[0];
      const projectedKm = projectMileage(pace, now);
      const modelRules = (rulesOf.get(vehicle.modelId) ?? []).map((rule) => ({ itemId: rule.itemId, code: rule.item.code, name: rule.item.name, intervalKm: rule.intervalKm, intervalMonths: rule.intervalMonths, firstKm: rule.firstKm, firstMonths: rule.firstMonths }));
      const items = maintenanceDue(modelRules, lastServices, { deliveredAt: vehicle.deliveredAt, deliveredKm: deliveryReading?.km ?? 0, projectedKm }, now);
      plans.set(vehicle.id, { projectedKm, items, nextDue: nextDue(items) });
    }
    return plans;
  }

  /** The store of the owner's most recently delivered car (where their complaint goes), or null. */
  async homeStoreId(customerId: number): Promise<number | null> {
    const vehicle = await this.prisma.vehicle.findFirst({ where: { ownerId: customerId }, select: { storeId: true }, orderBy: { deliveredAt: 'desc' } });
    return vehicle?.storeId ?? null;
  }

  /** Vehicles a staff member may see: a consultant the cars they sold; store staff their store's and those booked into it. */
  scope(caller: StaffCaller): Prisma.VehicleWhereInput {
    return scopedWhere<Prisma.VehicleWhereInput>(dataScopeOf(caller), {
      own: (staffId) => ({ soldById: staffId }),
      store: (storeId) => ({ OR: [{ storeId }, { serviceBookings: { some: { storeId } } }] }),
      region: (regionId) => ({ OR: [{ store: { regionId } }, { serviceBookings: { some: { store: { regionId } } } }] }),
    });
  }

  private summary(row: Prisma.VehicleGetPayload<{ select: typeof SUMMARY_FIELDS }>, role: StaffRole) {
    return {
      ...row,
      insuranceExpiresOn: calendarDateOf(row.insuranceExpiresOn),
      owner: { ...row.owner, mobile: row.owner.mobile && customerMobileFor(role, row.owner.mobile) },
    };
  }

  /** What the owner and staff both see: the car, its plan, insurance, warranty and history. */
  private fileView(row: FileRow, plan: VehiclePlan, now: Date) {
    const warranty = { endsOn: calendarDateOf(row.warrantyEndsOn), km: row.warrantyKm };
    return {
      id: row.id,
      vin: row.vin,
      plate: row.plate,
      model: row.model,
      store: row.store,
      colour: row.colour,
      options: Array.isArray(row.options) ? (row.options as string[]) : [],
      mileageKm: row.mileageKm,
      mileageReadAt: row.mileageReadAt,
      deliveredAt: row.deliveredAt,
      insurance: { company: row.insuranceCompany, expiresOn: calendarDateOf(row.insuranceExpiresOn) },
      warranty: { ...warranty, active: warrantyActive(warranty, row.mileageKm, now) },
      schedule: plan,
      serviceRecords: row.serviceRecords.map((record) => ({ ...record, lines: record.lines as { name: string; labourFen: number; parts: { name: string; quantity: number; amountFen: number }[] }[] })),
    };
  }

}

/** `q` finds a car by its full VIN, the end of its VIN (6+ characters), its plate or the owner's mobile. */
function searchWhere(q: string | undefined): Prisma.VehicleWhereInput {
  if (!q) return {};
  const text = q.toUpperCase().replace(/[\s·.-]/g, '');
  if (isMainlandMobile(text)) return { owner: { mobile: text } };
  if (isMainlandPlate(text)) return { plate: text };
  if (/^[A-HJ-NPR-Z0-9]{17}$/.test(text)) return { vin: text };
  if (/^[A-HJ-NPR-Z0-9]{6,16}$/.test(text)) return { OR: [{ vin: { endsWith: text } }, { plate: { contains: text } }] };
  return { OR: [{ plate: { contains: text } }, { owner: { name: { startsWith: q } } }] };
}
