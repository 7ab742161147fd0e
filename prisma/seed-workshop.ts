/**
 * Workshop demo data: the service-item catalogue with the parts each item uses, maintenance schedules per
 * model (combustion, hybrid, plug-in and battery-electric cars differ), parts stock and bays in every store,
 * and two owners with cars at the Pudong store. Idempotent like the main seed.
 */
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { MileageSource } from '../server/src/generated/prisma/enums';
import { withVinCheckDigit } from '../server/src/contracts/vin.rules';

const PARTS = [
  { code: 'OIL-5W30-1L', name: '全合成机油 5W-30 (1L)', unit: '升', priceFen: 9_800 },
  { code: 'OIL-FILTER', name: '机油滤清器', unit: '个', priceFen: 6_800 },
  { code: 'AIR-FILTER', name: '空气滤清器', unit: '个', priceFen: 12_800 },
  { code: 'CABIN-FILTER', name: '空调滤清器', unit: '个', priceFen: 15_800 },
  { code: 'BRAKE-FLUID-1L', name: '制动液 DOT4 (1L)', unit: '瓶', priceFen: 12_000 },
  { code: 'SPARK-PLUG', name: '铱金火花塞', unit: '支', priceFen: 9_800 },
  { code: 'COOLANT-4L', name: '发动机冷却液 (4L)', unit: '桶', priceFen: 26_000 },
  { code: 'BATTERY-COOLANT-4L', name: '电池冷却液 (4L)', unit: '桶', priceFen: 32_000 },
  { code: 'BRAKE-PADS-FRONT', name: '前刹车片', unit: '套', priceFen: 68_000 },
  { code: 'WIPER-BLADE', name: '雨刮片', unit: '对', priceFen: 16_800 },
] as const;

type PartCode = (typeof PARTS)[number]['code'];

const ITEMS: { code: string; name: string; labourHundredths: number; parts: [PartCode, number][] }[] = [
  { code: 'OIL_SERVICE', name: '更换机油及机滤', labourHundredths: 50, parts: [['OIL-5W30-1L', 4], ['OIL-FILTER', 1]] },
  { code: 'AIR_FILTER', name: '更换空气滤清器', labourHundredths: 20, parts: [['AIR-FILTER', 1]] },
  { code: 'CABIN_FILTER', name: '更换空调滤清器', labourHundredths: 20, parts: [['CABIN-FILTER', 1]] },
  { code: 'BRAKE_FLUID', name: '更换制动液', labourHundredths: 80, parts: [['BRAKE-FLUID-1L', 1]] },
  { code: 'SPARK_PLUGS', name: '更换火花塞', labourHundredths: 100, parts: [['SPARK-PLUG', 4]] },
  { code: 'COOLANT', name: '更换发动机冷却液', labourHundredths: 80, parts: [['COOLANT-4L', 1]] },
  { code: 'HV_BATTERY_CHECK', name: '动力电池检测', labourHundredths: 50, parts: [] },
  { code: 'BATTERY_COOLANT', name: '更换电池冷却液', labourHundredths: 120, parts: [['BATTERY-COOLANT-4L', 1]] },
  { code: 'TYRE_ROTATION', name: '轮胎换位及动平衡', labourHundredths: 60, parts: [] },
  { code: 'GENERAL_CHECK', name: '常规检查', labourHundredths: 30, parts: [] },
  // Not on any schedule: asked for when needed.
  { code: 'WHEEL_ALIGNMENT', name: '四轮定位', labourHundredths: 80, parts: [] },
  { code: 'BRAKE_PADS', name: '更换前刹车片', labourHundredths: 100, parts: [['BRAKE-PADS-FRONT', 1]] },
  { code: 'WIPER', name: '更换雨刮片', labourHundredths: 10, parts: [['WIPER-BLADE', 1]] },
];

/** [item, interval km, interval months, first-service km, first-service months] */
type Rule = [string, number | null, number | null, number?, number?];

const COMBUSTION: Rule[] = [
  ['OIL_SERVICE', 10_000, 12, 5_000, 6],
  ['AIR_FILTER', 20_000, 24],
  ['CABIN_FILTER', 20_000, 12],
  ['BRAKE_FLUID', 40_000, 24],
  ['SPARK_PLUGS', 60_000, 48],
  ['COOLANT', 80_000, 48],
  ['GENERAL_CHECK', 10_000, 12],
];
const HYBRID: Rule[] = [
  ['OIL_SERVICE', 10_000, 12, 5_000, 6],
  ['AIR_FILTER', 20_000, 24],
  ['CABIN_FILTER', 20_000, 12],
  ['BRAKE_FLUID', 40_000, 24],
  ['SPARK_PLUGS', 100_000, 72],
  ['COOLANT', 80_000, 48],
  ['HV_BATTERY_CHECK', 20_000, 12],
];
// A plug-in's engine runs less but its oil still ages: shorter km interval, the same time limit.
const PLUG_IN: Rule[] = [
  ['OIL_SERVICE', 7_500, 12, 5_000, 6],
  ['AIR_FILTER', 20_000, 24],
  ['CABIN_FILTER', 20_000, 12],
  ['BRAKE_FLUID', 40_000, 24],
  ['SPARK_PLUGS', 60_000, 48],
  ['HV_BATTERY_CHECK', 20_000, 12],
];
const BATTERY_ELECTRIC: Rule[] = [
  ['GENERAL_CHECK', 10_000, 12, 5_000, 6],
  ['CABIN_FILTER', 20_000, 12],
  ['BRAKE_FLUID', 40_000, 24],
  ['TYRE_ROTATION', 10_000, 12],
  ['HV_BATTERY_CHECK', 20_000, 12],
  ['BATTERY_COOLANT', 100_000, 48],
];

export const SCHEDULES: Record<string, Rule[]> = {
  'AURORA-L': COMBUSTION,
  'SUMMIT-X': COMBUSTION,
  'BREEZE-S': COMBUSTION,
  'HARMONY-HEV': HYBRID,
  'VOLT-P7': PLUG_IN,
  'VOLT-E5': BATTERY_ELECTRIC,
};

/** Generous stock, except Minhang, short of oil filters so the board shows 缺件. */
const STOCK_LEVEL = 40;
const SHORT_STOCK: Record<string, Partial<Record<PartCode, number>>> = { 'SH-MH': { 'OIL-FILTER': 1 } };

const DEMO_OWNERS = [
  { mobile: '13800138001', name: '王建国', model: 'AURORA-L', plate: '沪A62P18', serial: '910001', monthsAgo: 11, km: 9_200, colour: '星光银' },
  { mobile: '13800138002', name: '李晓雯', model: 'VOLT-E5', plate: '沪AD35721', serial: '910002', monthsAgo: 26, km: 31_000, colour: '极光蓝' },
];

export async function seedWorkshop(prisma: PrismaClient, storeIds: Map<string, number>, modelIds: Map<string, number>): Promise<void> {
  const partIds = new Map<string, number>();
  for (const part of PARTS) {
    const row = await prisma.part.upsert({ where: { code: part.code }, create: part, update: {}, select: { id: true } });
    partIds.set(part.code, row.id);
  }
  const itemIds = new Map<string, number>();
  for (const [sortOrder, { parts, ...item }] of ITEMS.entries()) {
    const row = await prisma.serviceItem.upsert({
      where: { code: item.code },
      create: { ...item, sortOrder, parts: { create: parts.map(([code, quantity]) => ({ partId: partIds.get(code)!, quantity })) } },
      update: {},
      select: { id: true },
    });
    itemIds.set(item.code, row.id);
  }
  for (const [modelCode, rules] of Object.entries(SCHEDULES)) {
    const modelId = modelIds.get(modelCode)!;
    for (const [itemCode, intervalKm, intervalMonths, firstKm, firstMonths] of rules) {
      const itemId = itemIds.get(itemCode)!;
      await prisma.maintenanceRule.upsert({
        where: { modelId_itemId: { modelId, itemId } },
        create: { modelId, itemId, intervalKm, intervalMonths, firstKm: firstKm ?? null, firstMonths: firstMonths ?? null },
        update: {},
      });
    }
  }
  for (const [storeCode, storeId] of storeIds) {
    await prisma.partStock.createMany({
      data: PARTS.map((part) => ({ storeId, partId: partIds.get(part.code)!, quantity: SHORT_STOCK[storeCode]?.[part.code] ?? STOCK_LEVEL })),
      skipDuplicates: true,
    });
    if ((await prisma.serviceBay.count({ where: { storeId } })) === 0) {
      await prisma.serviceBay.createMany({ data: [1, 2, 3, 4].map((number) => ({ storeId, name: `${number} 号工位` })) });
    }
  }

  const storeId = storeIds.get('SH-PD')!;
  for (const owner of DEMO_OWNERS) {
    const vin = withVinCheckDigit(`LSJA24U00PA${owner.serial}`);
    if (await prisma.vehicle.findUnique({ where: { vin }, select: { id: true } })) continue;
    const customer = await prisma.customer.upsert({ where: { mobile: owner.mobile }, create: { mobile: owner.mobile, name: owner.name }, update: {}, select: { id: true } });
    const deliveredAt = new Date(Date.now() - owner.monthsAgo * 30 * 86_400_000);
    await prisma.vehicle.create({
      data: {
        vin,
        plate: owner.plate,
        modelId: modelIds.get(owner.model)!,
        colour: owner.colour,
        options: [],
        ownerId: customer.id,
        storeId,
        deliveredAt,
        mileageKm: owner.km,
        mileageReadAt: new Date(),
        insuranceCompany: '中国平安财产保险',
        insuranceExpiresOn: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 15)),
        warrantyEndsOn: new Date(deliveredAt.getTime() + 3 * 365 * 86_400_000),
        warrantyKm: 100_000,
        mileageReadings: {
          create: [
            { km: 0, source: MileageSource.DELIVERY, readAt: deliveredAt },
            { km: owner.km, source: MileageSource.OWNER, readAt: new Date() },
          ],
        },
      },
    });
    await prisma.customer.updateMany({ where: { id: customer.id, becameOwnerAt: null }, data: { becameOwnerAt: deliveredAt } });
  }
}
