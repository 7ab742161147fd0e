/**
 * Demo data for a new installation: two regions, four stores, six models with trims, a test-drive fleet
 * and staff for every role. Idempotent: records are found by their natural keys and never overwritten,
 * so edits made in the admin survive a re-run.
 */
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { EnergyType, LeadSource, StaffRole } from '../server/src/generated/prisma/enums';
import { hashPassword } from '../server/src/modules/auth/password-hasher';
import { withVinCheckDigit } from '../server/src/contracts/vin.rules';
import { seedAutomation } from './seed-automation';
import { seedLoyalty } from './seed-loyalty';
import { seedWorkshop } from './seed-workshop';

const REGIONS = [
  { code: 'EAST-SH', name: '上海区域' },
  { code: 'EAST-HZ', name: '杭州区域' },
];

const WEEKDAY_HOURS = { opensAt: '09:00', closesAt: '18:00' };
const WEEKEND_HOURS = { opensAt: '09:00', closesAt: '17:30' };

const STORES = [
  { code: 'SH-PD', regionCode: 'EAST-SH', name: '上海浦东旗舰店', city: '上海', address: '上海市浦东新区张江路 1288 号', phone: '021-58881234' },
  { code: 'SH-MH', regionCode: 'EAST-SH', name: '上海闵行店', city: '上海', address: '上海市闵行区沪闵路 6088 号', phone: '021-64556789' },
  { code: 'HZ-XH', regionCode: 'EAST-HZ', name: '杭州西湖店', city: '杭州', address: '杭州市西湖区文三路 478 号', phone: '0571-88123456' },
  { code: 'HZ-BJ', regionCode: 'EAST-HZ', name: '杭州滨江店', city: '杭州', address: '杭州市滨江区江南大道 3850 号', phone: '0571-86654321' },
];

const MODELS = [
  {
    code: 'AURORA-L', name: '曙光 L 轿车', brand: '星途', energyType: EnergyType.ICE, bodyType: '中型轿车',
    description: '2.0T 涡轮增压，舒适宽敞的家用中型轿车',
    trims: [['AURORA-L-COMFORT', '舒适版', 18_98_00_00], ['AURORA-L-LUXURY', '豪华版', 21_58_00_00], ['AURORA-L-FLAGSHIP', '旗舰版', 24_28_00_00]],
  },
  {
    code: 'SUMMIT-X', name: '远峰 X SUV', brand: '星途', energyType: EnergyType.ICE, bodyType: '中型 SUV',
    description: '四驱中型 SUV，七座可选',
    trims: [['SUMMIT-X-2WD', '两驱精英版', 22_98_00_00], ['SUMMIT-X-4WD', '四驱尊享版', 27_98_00_00]],
  },
  {
    code: 'BREEZE-S', name: '微风 S 两厢', brand: '星途', energyType: EnergyType.ICE, bodyType: '紧凑型两厢',
    description: '1.5L 经济省油的城市代步车',
    trims: [['BREEZE-S-CITY', '都市版', 9_98_00_00], ['BREEZE-S-SPORT', '运动版', 11_58_00_00]],
  },
  {
    code: 'HARMONY-HEV', name: '和悦 混动 MPV', brand: '星途', energyType: EnergyType.HEV, bodyType: 'MPV',
    description: '油电混动七座 MPV，商务家用两相宜',
    trims: [['HARMONY-HEV-STD', '智享版', 26_98_00_00], ['HARMONY-HEV-PRO', '尊享版', 31_98_00_00]],
  },
  {
    code: 'VOLT-E5', name: '电跃 E5', brand: '星途新能源', energyType: EnergyType.BEV, bodyType: '纯电轿车',
    description: 'CLTC 续航 620 公里纯电轿车，支持 800V 快充',
    trims: [['VOLT-E5-STD', '标准续航版', 19_98_00_00], ['VOLT-E5-LONG', '长续航版', 23_98_00_00]],
  },
  {
    code: 'VOLT-P7', name: '电跃 P7 插混 SUV', brand: '星途新能源', energyType: EnergyType.PHEV, bodyType: '插混 SUV',
    description: '纯电续航 150 公里的插电混动 SUV，绿牌上路',
    trims: [['VOLT-P7-PLUS', 'Plus 版', 17_98_00_00], ['VOLT-P7-MAX', 'Max 版', 21_98_00_00]],
  },
] as const;

interface SeedStaff {
  username: string;
  name: string;
  role: StaffRole;
  storeCode?: string;
  regionCode?: string;
  mobile: string;
}

const STAFF: SeedStaff[] = [
  { username: 'admin', name: '系统管理员', role: StaffRole.ADMIN, mobile: '13800000000' },
  { username: 'director', name: '周总监', role: StaffRole.DIRECTOR, mobile: '13800000001' },
  { username: 'marketer', name: '林市场', role: StaffRole.MARKETER, mobile: '13800000002' },
  { username: 'rm.sh', name: '陈区域', role: StaffRole.REGION_MANAGER, regionCode: 'EAST-SH', mobile: '13800000011' },
  { username: 'rm.hz', name: '钱区域', role: StaffRole.REGION_MANAGER, regionCode: 'EAST-HZ', mobile: '13800000012' },
  ...STORES.flatMap((store, index): SeedStaff[] => {
    const slug = store.code.toLowerCase().replace('-', '');
    const n = index + 1;
    return [
      { username: `sm.${slug}`, name: `${store.name.slice(2, 4)}店总`, role: StaffRole.STORE_MANAGER, storeCode: store.code, mobile: `1390000${n}000` },
      { username: `sc1.${slug}`, name: ['王晓明', '李静', '张伟', '刘洋'][index], role: StaffRole.CONSULTANT, storeCode: store.code, mobile: `1390000${n}101` },
      { username: `sc2.${slug}`, name: ['赵敏', '孙磊', '周婷', '吴凡'][index], role: StaffRole.CONSULTANT, storeCode: store.code, mobile: `1390000${n}102` },
      { username: `sa.${slug}`, name: ['郑强', '冯雪', '何军', '许丽'][index], role: StaffRole.SERVICE_ADVISOR, storeCode: store.code, mobile: `1390000${n}201` },
    ];
  }),
];

/** Webhook channels of the portals and social platforms, each delivering to one store. */
const LEAD_CHANNELS = [
  { code: 'autohome', name: '汽车之家', source: LeadSource.AUTOHOME, storeCode: 'SH-PD' },
  { code: 'dongchedi', name: '懂车帝', source: LeadSource.DONGCHEDI, storeCode: 'SH-MH' },
  { code: 'douyin', name: '抖音', source: LeadSource.DOUYIN, storeCode: 'HZ-XH' },
  { code: 'xiaohongshu', name: '小红书', source: LeadSource.XIAOHONGSHU, storeCode: 'HZ-BJ' },
  { code: 'website', name: '官网', source: LeadSource.WEBSITE, storeCode: 'SH-PD' },
];

const PLATE_PREFIX: Record<string, string> = { 'SH-PD': '沪A', 'SH-MH': '沪B', 'HZ-XH': '浙A', 'HZ-BJ': '浙A' };

export interface SeedOptions {
  /** Password of every demo staff account, `admin` included. */
  staffPassword: string;
}

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions): Promise<void> {
  const regionIds = new Map<string, number>();
  for (const region of REGIONS) {
    const row = await prisma.region.upsert({ where: { code: region.code }, create: region, update: {}, select: { id: true } });
    regionIds.set(region.code, row.id);
  }

  const storeIds = new Map<string, number>();
  for (const { regionCode, ...store } of STORES) {
    const row = await prisma.store.upsert({
      where: { code: store.code },
      create: {
        ...store,
        regionId: regionIds.get(regionCode)!,
        openingHours: {
          create: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ...(weekday >= 6 ? WEEKEND_HOURS : WEEKDAY_HOURS) })),
        },
      },
      update: {},
      select: { id: true },
    });
    storeIds.set(store.code, row.id);
  }

  await prisma.storeSetting.createMany({ data: [...storeIds.values()].map((storeId) => ({ storeId })), skipDuplicates: true });
  for (const { storeCode, ...channel } of LEAD_CHANNELS) {
    await prisma.leadChannel.upsert({
      where: { code: channel.code },
      // A random secret per installation: read it from lead_channels and give it to the platform.
      create: { ...channel, storeId: storeIds.get(storeCode)!, secret: randomBytes(24).toString('hex') },
      update: {},
    });
  }

  for (const storeId of storeIds.values()) {
    if ((await prisma.testDriveRoute.count({ where: { storeId } })) > 0) continue;
    await prisma.testDriveRoute.createMany({
      data: [
        { storeId, name: '城市道路体验线', lengthKm: 8, durationMinutes: 25 },
        { storeId, name: '高架快速路线', lengthKm: 15, durationMinutes: 35 },
      ],
    });
  }

  const modelIds = new Map<string, number>();
  for (const [sortOrder, { trims, ...model }] of MODELS.entries()) {
    const row = await prisma.vehicleModel.upsert({
      where: { code: model.code },
      create: { ...model, sortOrder, trims: { create: trims.map(([code, name, msrpFen]) => ({ code, name, msrpFen })) } },
      update: {},
      select: { id: true },
    });
    modelIds.set(model.code, row.id);
  }

  let fleetNumber = 0;
  for (const store of STORES) {
    for (const model of MODELS) {
      fleetNumber += 1;
      const serial = String(fleetNumber).padStart(6, '0');
      const vin = withVinCheckDigit(`LSJ${model.energyType === EnergyType.ICE ? 'A' : 'E'}24U00PA${serial}`);
      // Mainland plates: 7 characters, new-energy cars 8 with D after the city letter.
      const plate =
        model.energyType === EnergyType.ICE || model.energyType === EnergyType.HEV
          ? `${PLATE_PREFIX[store.code]}S${String(fleetNumber).padStart(4, '0')}`
          : `${PLATE_PREFIX[store.code]}D${String(fleetNumber).padStart(5, '0')}`;
      await prisma.testDriveCar.upsert({
        where: { vin },
        create: { vin, plate, storeId: storeIds.get(store.code)!, modelId: modelIds.get(model.code)! },
        update: {},
      });
    }
  }

  const passwordHash = await hashPassword(options.staffPassword);
  for (const { storeCode, regionCode, ...staff } of STAFF) {
    const storeRegionCode = STORES.find((store) => store.code === storeCode)?.regionCode;
    await prisma.staff.upsert({
      where: { username: staff.username },
      create: {
        ...staff,
        passwordHash,
        storeId: storeCode ? storeIds.get(storeCode) : null,
        regionId: regionIds.get(regionCode ?? storeRegionCode ?? '') ?? null,
      },
      update: {},
    });
  }

  await seedWorkshop(prisma, storeIds, modelIds);
  await seedLoyalty(prisma);
  await seedAutomation(prisma);
}
