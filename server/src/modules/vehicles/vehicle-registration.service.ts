import { Injectable } from '@nestjs/common';
import dayjs from 'dayjs';
import { Prisma } from '../../generated/prisma/client';
import { MileageSource } from '../../generated/prisma/enums';
import type { CreateVehicleInput } from '../../contracts/vehicles.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { BUSINESS_TIME_ZONE, startOfShanghaiDate } from '../../core/time/shanghai-time';
import { CustomersService } from '../customers/customers.service';
import { StoresService } from '../org/stores.service';
import { VehicleError } from './vehicles.errors';
import { dateColumn, VehiclesService } from './vehicles.service';

type Db = Prisma.TransactionClient | PrismaService;

/** New cars: 3 years or 100,000 km, whichever comes first (the common mainland passenger-car warranty). */
const DEFAULT_WARRANTY = { years: 3, km: 100_000 };

/** A car from an import (a legacy DMS export): its owner by mobile, no order, no trim. */
export interface ImportedVehicleFile {
  ownerMobile: string;
  ownerName: string;
  vin: string;
  plate: string | null;
  modelId: number;
  storeId: number;
  deliveredAt: Date;
  mileage: number;
}

/**
 * A new file's first readings. A car registered long after delivery with km on it: delivery at 0 km gives
 * the projection a pace, and today's reading is the staff member's.
 */
function initialReadings(mileage: number, deliveredAt: Date, now: Date, staffId: number): Array<{ km: number; source: MileageSource; readAt: Date; staffId: number | null }> {
  return mileage > 0 && now.getTime() - deliveredAt.getTime() > 30 * 86_400_000
    ? [
        { km: 0, source: MileageSource.DELIVERY, readAt: deliveredAt, staffId: null },
        { km: mileage, source: MileageSource.STAFF, readAt: now, staffId },
      ]
    : [{ km: mileage, source: MileageSource.DELIVERY, readAt: deliveredAt, staffId }];
}

/** Opening a car's file: typed in by staff, at a delivery, or a whole legacy export at once. */
@Injectable()
export class VehicleRegistrationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly customers: CustomersService,
    private readonly stores: StoresService,
    private readonly vehicles: VehiclesService,
  ) {}

  async create(caller: StaffCaller, input: CreateVehicleInput, now = new Date()) {
    const storeId = input.storeId ?? caller.storeId;
    if (!storeId) throw new VehicleError('STORE_REQUIRED', '请选择车辆所属门店', [{ path: 'storeId', message: '请选择门店' }]);
    if (!(await this.stores.storeInScope(caller, storeId))) throw new VehicleError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`);
    await this.assertModelAndTrim(input.modelId, input.trimId ?? null);
    const owner = await this.customers.findOrCreateByMobile(input.ownerMobile, input.ownerName);
    const deliveredAt = input.deliveredAt ? (input.deliveredAt.length === 10 ? startOfShanghaiDate(input.deliveredAt) : new Date(input.deliveredAt)) : now;
    const vehicle = await this.insertFile(this.prisma, {
      vin: input.vin,
      plate: input.plate ?? null,
      modelId: input.modelId,
      trimId: input.trimId ?? null,
      colour: input.colour ?? null,
      options: input.options ?? [],
      ownerId: owner.id,
      storeId,
      priceFen: input.priceFen ?? null,
      financePlan: input.financePlan ?? null,
      deliveredAt,
      insuranceCompany: input.insuranceCompany ?? null,
      insuranceExpiresOn: dateColumn(input.insuranceExpiresOn) ?? null,
      warrantyEndsOn: dateColumn(input.warrantyEndsOn) ?? null,
      warrantyKm: input.warrantyKm ?? null,
      mileage: input.mileage,
      staffId: caller.staffId,
      now,
    });
    await this.customers.markOwner(this.prisma, owner.id, deliveredAt);
    return this.vehicles.file(caller, vehicle.id, now);
  }

  /** A delivered order opens the car's file (in the delivery's transaction), with the factory warranty. */
  async createFromDelivery(
    tx: Prisma.TransactionClient,
    delivery: { vin: string; customerId: number; storeId: number; soldById: number | null; orderId: number; modelId: number; trimId: number; priceFen: number; financePlan: string | null; insuranceDone: boolean; staffId: number },
    now: Date,
  ): Promise<void> {
    const today = dayjs(now).tz(BUSINESS_TIME_ZONE);
    await this.insertFile(tx, {
      vin: delivery.vin,
      plate: null,
      modelId: delivery.modelId,
      trimId: delivery.trimId,
      colour: null,
      options: [],
      ownerId: delivery.customerId,
      storeId: delivery.storeId,
      soldById: delivery.soldById,
      orderId: delivery.orderId,
      priceFen: delivery.priceFen,
      financePlan: delivery.financePlan,
      deliveredAt: now,
      insuranceCompany: null,
      // The first year's insurance is bought at delivery when the checklist says so.
      insuranceExpiresOn: delivery.insuranceDone ? new Date(`${today.add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD')}T00:00:00Z`) : null,
      warrantyEndsOn: new Date(`${today.add(DEFAULT_WARRANTY.years, 'year').format('YYYY-MM-DD')}T00:00:00Z`),
      warrantyKm: DEFAULT_WARRANTY.km,
      mileage: 0,
      staffId: delivery.staffId,
      now,
    });
  }

  private async insertFile(
    db: Db,
    data: {
      vin: string;
      plate: string | null;
      modelId: number;
      trimId: number | null;
      colour: string | null;
      options: string[];
      ownerId: number;
      storeId: number;
      soldById?: number | null;
      orderId?: number | null;
      priceFen: number | null;
      financePlan: string | null;
      deliveredAt: Date;
      insuranceCompany: string | null;
      insuranceExpiresOn: Date | null;
      warrantyEndsOn: Date | null;
      warrantyKm: number | null;
      mileage: number;
      staffId: number;
      now: Date;
    },
  ) {
    const { mileage, staffId, now, ...fields } = data;
    const readings: Prisma.MileageReadingCreateWithoutVehicleInput[] = initialReadings(mileage, data.deliveredAt, now, staffId).map(({ staffId: readBy, ...reading }) => ({
      ...reading,
      ...(readBy === null ? {} : { staff: { connect: { id: readBy } } }),
    }));
    const latest = readings[readings.length - 1];
    try {
      return await db.vehicle.create({
        data: { ...fields, mileageKm: mileage, mileageReadAt: latest.readAt as Date, mileageReadings: { create: readings } },
        select: { id: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await db.vehicle.findUnique({ where: { vin: data.vin }, select: { id: true } })) {
        throw new VehicleError('VEHICLE_EXISTS', `车架号 ${data.vin} 已有档案`, [{ path: 'vin', message: '该车架号已建档' }]);
      }
      throw new VehicleError('PLATE_TAKEN', `车牌 ${data.plate} 已登记在另一辆车上`, [{ path: 'plate', message: '车牌已被占用' }]);
    }
  }

  /** Which of these VINs and plates are on file already: VIN → the owner's mobile, plate → the VIN it is on. */
  async registrations(db: Db, vins: string[], plates: string[]) {
    const byVin = new Map<string, string | null>();
    const byPlate = new Map<string, string>();
    if (vins.length > 0) {
      for (const row of await db.vehicle.findMany({ where: { vin: { in: vins } }, select: { vin: true, owner: { select: { mobile: true } } } })) byVin.set(row.vin, row.owner.mobile);
    }
    if (plates.length > 0) {
      for (const row of await db.vehicle.findMany({ where: { plate: { in: plates } }, select: { vin: true, plate: true } })) byPlate.set(row.plate!, row.vin);
    }
    return { byVin, byPlate };
  }

  /**
   * Opens the files of imported cars in the caller's transaction, a batch at a time, keeping what create()
   * keeps: the owner found or created by mobile, the first mileage readings, the owner marked as an owner.
   * A VIN already on file is skipped (re-importing a file writes nothing).
   */
  async importFiles(tx: Prisma.TransactionClient, files: ImportedVehicleFile[], staffId: number, now: Date): Promise<{ created: number; skipped: number }> {
    if (files.length === 0) return { created: 0, skipped: 0 };
    const onFile = new Set((await tx.vehicle.findMany({ where: { vin: { in: files.map((file) => file.vin) } }, select: { vin: true } })).map((row) => row.vin));
    const fresh = files.filter((file) => !onFile.has(file.vin));
    if (fresh.length === 0) return { created: 0, skipped: files.length };
    const owners = await this.customers.findOrCreateManyByMobile(tx, fresh.map((file) => ({ mobile: file.ownerMobile, name: file.ownerName })));
    const readingsOf = new Map(fresh.map((file) => [file.vin, initialReadings(file.mileage, file.deliveredAt, now, staffId)]));
    // Multi-row INSERTs written out: an import writes 100,000 cars in one transaction, and createMany's
    // per-row overhead tripled the time and the memory of that.
    const cars = fresh.map((file) => {
      const readings = readingsOf.get(file.vin)!;
      return Prisma.sql`(${file.vin}, ${file.plate}, ${file.modelId}, ${owners.get(file.ownerMobile)!}, ${file.storeId}, '[]', ${file.deliveredAt}, ${file.mileage}, ${readings[readings.length - 1].readAt}, ${now}, ${now})`;
    });
    await tx.$executeRaw`INSERT INTO vehicles (vin, plate, model_id, owner_id, store_id, options, delivered_at, mileage_km, mileage_read_at, created_at, updated_at) VALUES ${Prisma.join(cars)}`;
    const created = await tx.vehicle.findMany({ where: { vin: { in: fresh.map((file) => file.vin) } }, select: { id: true, vin: true } });
    const readings = created.flatMap((vehicle) => readingsOf.get(vehicle.vin)!.map((reading) => Prisma.sql`(${vehicle.id}, ${reading.km}, ${reading.source}, ${reading.staffId}, ${reading.readAt})`));
    await tx.$executeRaw`INSERT INTO mileage_readings (vehicle_id, km, source, staff_id, read_at) VALUES ${Prisma.join(readings)}`;
    await this.customers.markOwners(tx, fresh.map((file) => ({ customerId: owners.get(file.ownerMobile)!, at: file.deliveredAt })), now);
    return { created: fresh.length, skipped: files.length - fresh.length };
  }

  private async assertModelAndTrim(modelId: number, trimId: number | null) {
    const model = await this.prisma.vehicleModel.findUnique({ where: { id: modelId }, select: { id: true } });
    if (!model) throw new VehicleError('MODEL_NOT_FOUND', `车型 ${modelId} 不存在`, [{ path: 'modelId', message: '车型不存在' }]);
    if (trimId && !(await this.prisma.vehicleTrim.findFirst({ where: { id: trimId, modelId }, select: { id: true } }))) {
      throw new VehicleError('TRIM_NOT_FOUND', `配置 ${trimId} 不属于该车型`, [{ path: 'trimId', message: '配置不属于该车型' }]);
    }
  }
}
