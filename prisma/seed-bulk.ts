/**
 * Volume data for benchmarks and for trying the admin at realistic size: `count` leads over the last two
 * years with customers, follow-ups, stage history, open and past tasks, spread over the demo stores' consultants.
 * Deterministic (seeded random) and additive: run it on a demo database, not on real data.
 *
 * Rows go in as multi-row INSERTs with ids assigned here: a million leads and five million follow-ups take
 * minutes this way, where Prisma's createMany (a query plan per batch, a read back for the ids) takes hours.
 * Every value is generated below, never user input, so it is written into the statement as a literal.
 */
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { FollowUpType, LeadSource, LeadStage, StaffRole } from '../server/src/generated/prisma/enums';

const BATCH = 5_000;
const DAY_MS = 86_400_000;
const SOURCES = Object.values(LeadSource);
const FOLLOW_UP_TYPES = Object.values(FollowUpType);
const OUTCOMES = ['已接通', '未接通', '约到店', '考虑中', '再联系'];
const LOST_REASONS = ['PRICE', 'COMPETITOR', 'TIMING', 'NO_RESPONSE', 'FINANCE', 'OTHER'];
/** Roughly how a year of leads ends up distributed over the stages. */
const STAGE_WEIGHTS: Array<[LeadStage, number]> = [
  [LeadStage.NEW, 8], [LeadStage.CONTACTED, 14], [LeadStage.INVITED, 8], [LeadStage.TEST_DRIVEN, 6],
  [LeadStage.QUOTED, 5], [LeadStage.ORDERED, 3], [LeadStage.DELIVERED, 9], [LeadStage.LOST, 47],
];
/** The stage a lost lead was lost from. */
const LOST_FROM = [LeadStage.CONTACTED, LeadStage.CONTACTED, LeadStage.INVITED, LeadStage.TEST_DRIVEN, LeadStage.QUOTED];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

type Literal = string | number | Date | null;

function literal(value: Literal): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return `'${value.toISOString().slice(0, 23).replace('T', ' ')}'`;
  return `'${value.replace(/'/g, "''")}'`;
}

async function insert(prisma: PrismaClient, table: string, columns: string[], rows: Literal[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const values = rows.slice(start, start + BATCH).map((row) => `(${row.map(literal).join(',')})`);
    await prisma.$executeRawUnsafe(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values.join(',')}`);
  }
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
  const maxIdOf = async (table: string) => Number((await prisma.$queryRawUnsafe<Array<{ maxId: number | null }>>(`SELECT MAX(id) AS maxId FROM ${table}`))[0].maxId ?? 0);
  let customerId = await maxIdOf('customers');
  let leadId = await maxIdOf('leads');
  const mobileBase = 17_000_000_000 + customerId;
  const now = Date.now();
  const nowDate = new Date(now);

  for (let offset = 0; offset < count; offset += BATCH * 2) {
    const size = Math.min(BATCH * 2, count - offset);
    const customers: Literal[][] = [];
    const leads: Literal[][] = [];
    const stageChanges: Literal[][] = [];
    const followUps: Literal[][] = [];
    const tasks: Literal[][] = [];
    for (let index = 0; index < size; index += 1) {
      customerId += 1;
      leadId += 1;
      const mobile = String(mobileBase + offset + index);
      const name = pick(SURNAMES) + pick(GIVEN) + (next() < 0.5 ? pick(GIVEN) : '');
      customers.push([customerId, mobile, name, nowDate, nowDate]);

      const consultant = pick(consultants);
      const stage = pickStage();
      const createdAt = new Date(now - Math.floor(next() * 730 * DAY_MS));
      const open = stage !== LeadStage.DELIVERED && stage !== LeadStage.LOST;
      const ordered = stage === LeadStage.ORDERED || stage === LeadStage.DELIVERED;
      const orderedAt = new Date(Math.min(now, createdAt.getTime() + Math.floor((5 + next() * 55) * DAY_MS)));
      const nextFollowUpAt = open ? new Date(now + Math.floor((next() - 0.2) * 7 * DAY_MS)) : null;
      leads.push([
        leadId,
        customerId,
        consultant.storeId,
        consultant.id,
        name,
        mobile,
        pick(SOURCES),
        pick(models).id,
        10_000_000 + Math.floor(next() * 10) * 1_000_000,
        stage,
        open ? `${customerId}:${consultant.storeId}` : null,
        stage === LeadStage.NEW ? null : new Date(createdAt.getTime() + Math.floor(next() * 4 * 3_600_000)),
        nextFollowUpAt,
        ordered ? orderedAt : null,
        stage === LeadStage.DELIVERED ? new Date(Math.min(now, orderedAt.getTime() + 20 * DAY_MS)) : null,
        stage === LeadStage.LOST ? pick(LOST_REASONS) : null,
        stage === LeadStage.LOST ? new Date(Math.min(now, createdAt.getTime() + 10 * DAY_MS)) : null,
        createdAt,
        nowDate,
      ]);

      stageChanges.push([leadId, null, LeadStage.NEW, null, createdAt]);
      const changedAt = new Date(createdAt.getTime() + 3 * DAY_MS);
      if (stage === LeadStage.LOST) {
        // A lost lead was lost from some stage along the way: the funnel and the churn analysis read it from here.
        const from = pick(LOST_FROM);
        stageChanges.push([leadId, LeadStage.NEW, from, consultant.id, changedAt], [leadId, from, LeadStage.LOST, consultant.id, new Date(changedAt.getTime() + 7 * DAY_MS)]);
      } else if (stage !== LeadStage.NEW) {
        stageChanges.push([leadId, LeadStage.NEW, stage, consultant.id, changedAt]);
      }

      const followUpCount = Math.max(0, Math.round(followUpsPerLead * 2 * next()));
      for (let day = 1; day <= followUpCount; day += 1) {
        followUps.push([leadId, consultant.id, pick(FOLLOW_UP_TYPES), pick(OUTCOMES), new Date(createdAt.getTime() + day * DAY_MS)]);
      }

      if (nextFollowUpAt) tasks.push([leadId, consultant.id, 'FOLLOW_UP', '例行跟进', nextFollowUpAt, 'OPEN', null, nowDate]);
      // A past follow-up task, most done on time, some late: what the overdue rate is made of.
      const dueAt = new Date(createdAt.getTime() + 2 * DAY_MS);
      tasks.push([leadId, consultant.id, 'FOLLOW_UP', '首次回访', dueAt, 'DONE', new Date(dueAt.getTime() + (next() < 0.2 ? 1 : -1) * 3_600_000), nowDate]);
    }
    await insert(prisma, 'customers', ['id', 'mobile', 'name', 'created_at', 'updated_at'], customers);
    await insert(
      prisma,
      'leads',
      ['id', 'customer_id', 'store_id', 'assignee_id', 'name', 'mobile', 'source', 'intended_model_id', 'budget_min_fen', 'stage', 'open_key', 'first_contacted_at', 'next_follow_up_at', 'ordered_at', 'delivered_at', 'lost_reason', 'lost_at', 'created_at', 'updated_at'],
      leads,
    );
    await insert(prisma, 'lead_stage_changes', ['lead_id', 'from_stage', 'to_stage', 'staff_id', 'created_at'], stageChanges);
    await insert(prisma, 'follow_ups', ['lead_id', 'staff_id', 'type', 'outcome', 'created_at'], followUps);
    await insert(prisma, 'tasks', ['lead_id', 'assignee_id', 'kind', 'purpose', 'due_at', 'status', 'completed_at', 'updated_at'], tasks);
    if ((offset / (BATCH * 2)) % 10 === 0 || offset + size >= count) log(`  ${offset + size} / ${count} leads`);
  }
}
