/**
 * Volume data for benchmarks and for trying the admin at realistic size: `count` leads over the last two
 * years with customers, follow-ups, stage history and open tasks, spread over the demo stores' consultants.
 * Deterministic (seeded random) and additive: run it on a demo database, not on real data.
 */
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { FollowUpType, LeadSource, LeadStage, StaffRole, TaskKind } from '../server/src/generated/prisma/enums';

const BATCH = 2_000;
const DAY_MS = 86_400_000;
const SOURCES = Object.values(LeadSource);
const FOLLOW_UP_TYPES = Object.values(FollowUpType);
/** Roughly how a year of leads ends up distributed over the stages. */
const STAGE_WEIGHTS: Array<[LeadStage, number]> = [
  [LeadStage.NEW, 8], [LeadStage.CONTACTED, 14], [LeadStage.INVITED, 8], [LeadStage.TEST_DRIVEN, 6],
  [LeadStage.QUOTED, 5], [LeadStage.ORDERED, 3], [LeadStage.DELIVERED, 9], [LeadStage.LOST, 47],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedBulkLeads(prisma: PrismaClient, count: number, followUpsPerLead: number, log: (line: string) => void): Promise<void> {
  const next = random(20261125);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const stageTotal = STAGE_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const pickStage = () => {
    let roll = next() * stageTotal;
    for (const [stage, weight] of STAGE_WEIGHTS) if ((roll -= weight) < 0) return stage;
    return LeadStage.LOST;
  };
  const consultants = await prisma.staff.findMany({ where: { role: StaffRole.CONSULTANT, active: true, storeId: { not: null } }, select: { id: true, storeId: true } });
  const models = await prisma.vehicleModel.findMany({ select: { id: true } });
  if (consultants.length === 0) throw new Error('Seed the demo data first: no consultants');
  const [{ maxId }] = await prisma.$queryRaw<Array<{ maxId: number | null }>>`SELECT MAX(id) AS maxId FROM customers`;
  const mobileBase = 17_000_000_000 + Number(maxId ?? 0);
  const now = Date.now();

  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const mobiles = Array.from({ length: size }, (_, index) => String(mobileBase + offset + index));
    const names = mobiles.map(() => pick([...SURNAMES]) + pick([...GIVEN]) + (next() < 0.5 ? pick([...GIVEN]) : ''));
    await prisma.customer.createMany({ data: mobiles.map((mobile, index) => ({ mobile, name: names[index] })) });
    const customers = await prisma.customer.findMany({ where: { mobile: { in: mobiles } }, select: { id: true, mobile: true } });
    const customerOf = new Map(customers.map((customer) => [customer.mobile!, customer.id]));

    const leads = mobiles.map((mobile, index) => {
      const consultant = pick(consultants);
      const stage = pickStage();
      const createdAt = new Date(now - Math.floor(next() * 730 * DAY_MS));
      const open = stage !== LeadStage.DELIVERED && stage !== LeadStage.LOST;
      const customerId = customerOf.get(mobile)!;
      return {
        customerId,
        storeId: consultant.storeId!,
        assigneeId: consultant.id,
        name: names[index],
        mobile,
        source: pick(SOURCES),
        intendedModelId: pick(models).id,
        budgetMinFen: 10_000_000 + Math.floor(next() * 10) * 1_000_000,
        stage,
        openKey: open ? `${customerId}:${consultant.storeId}` : null,
        firstContactedAt: stage === LeadStage.NEW ? null : new Date(createdAt.getTime() + Math.floor(next() * 4 * 3_600_000)),
        nextFollowUpAt: open ? new Date(now + Math.floor((next() - 0.2) * 7 * DAY_MS)) : null,
        lostReason: stage === LeadStage.LOST ? pick(['PRICE', 'COMPETITOR', 'TIMING', 'NO_RESPONSE', 'FINANCE', 'OTHER'] as const) : null,
        createdAt,
      };
    });
    await prisma.lead.createMany({ data: leads });
    const rows = await prisma.lead.findMany({ where: { mobile: { in: mobiles } }, select: { id: true, assigneeId: true, stage: true, createdAt: true, nextFollowUpAt: true } });

    await prisma.leadStageChange.createMany({ data: rows.map((lead) => ({ leadId: lead.id, fromStage: null, toStage: LeadStage.NEW, staffId: null, createdAt: lead.createdAt })) });
    await prisma.leadStageChange.createMany({
      data: rows.filter((lead) => lead.stage !== LeadStage.NEW).map((lead) => ({ leadId: lead.id, fromStage: LeadStage.NEW, toStage: lead.stage, staffId: lead.assigneeId, createdAt: new Date(lead.createdAt.getTime() + 3 * DAY_MS) })),
    });
    await prisma.followUp.createMany({
      data: rows.flatMap((lead) =>
        Array.from({ length: Math.max(0, Math.round(followUpsPerLead * 2 * next())) }, (_, index) => ({
          leadId: lead.id,
          staffId: lead.assigneeId!,
          type: pick(FOLLOW_UP_TYPES),
          outcome: pick(['已接通', '未接通', '约到店', '考虑中', '再联系']),
          createdAt: new Date(lead.createdAt.getTime() + (index + 1) * DAY_MS),
        })),
      ),
    });
    await prisma.task.createMany({
      data: rows
        .filter((lead) => lead.nextFollowUpAt)
        .map((lead) => ({ leadId: lead.id, assigneeId: lead.assigneeId!, kind: TaskKind.FOLLOW_UP, purpose: '例行跟进', dueAt: lead.nextFollowUpAt! })),
    });
    if ((offset / BATCH) % 10 === 0 || offset + size >= count) log(`  ${offset + size} / ${count} leads`);
  }
}
