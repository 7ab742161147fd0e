import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { AssignmentMode, LeadStage, StaffRole } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { LeadError } from './leads.errors';
import { pickConsultant } from './lead-assignment.rules';

const CLOSED_STAGES = [LeadStage.DELIVERED, LeadStage.LOST];

/**
 * Decides who gets a lead, by the store's rule. The store's settings row is locked FOR UPDATE for the
 * decision, so leads created at the same moment are assigned one after another and the round-robin
 * pointer and the open-lead counts never go stale.
 */
@Injectable()
export class LeadAssignmentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly stores: StoresService,
    private readonly staff: StaffService,
  ) {}

  /** Call before the transaction that picks: inserting the row inside it would deadlock concurrent pickers. */
  async ensureSettings(storeId: number): Promise<void> {
    await this.prisma.storeSetting.createMany({ data: [{ storeId }], skipDuplicates: true });
  }

  async pickAssignee(tx: Prisma.TransactionClient, storeId: number, intendedModelId: number | null, excluding: number[] = []): Promise<number | null> {
    const [settings] = await tx.$queryRaw<Array<{ mode: AssignmentMode; cap: number; last: number | null }>>`
      SELECT assignment_mode AS mode, consultant_open_lead_cap AS cap, last_assigned_staff_id AS last
        FROM store_settings WHERE store_id = ${storeId} FOR UPDATE`;
    const consultants = await tx.staff.findMany({
      where: { storeId, role: StaffRole.CONSULTANT, active: true, onDuty: true, id: { notIn: excluding } },
      select: { id: true, specialties: { select: { modelId: true } } },
    });
    const openLeads = await this.openLeadCounts(tx, consultants.map((consultant) => consultant.id));
    const picked = pickConsultant(
      consultants.map((consultant) => ({
        id: consultant.id,
        openLeads: openLeads.get(consultant.id) ?? 0,
        specialtyModelIds: consultant.specialties.map((specialty) => specialty.modelId),
      })),
      { mode: settings.mode, openLeadCap: Number(settings.cap), lastAssignedStaffId: settings.last === null ? null : Number(settings.last) },
      intendedModelId,
    );
    if (picked !== null) await tx.storeSetting.update({ where: { storeId }, data: { lastAssignedStaffId: picked } });
    return picked;
  }

  async settings(storeId: number) {
    await this.ensureSettings(storeId);
    const settings = await this.prisma.storeSetting.findUniqueOrThrow({
      where: { storeId },
      select: { storeId: true, assignmentMode: true, consultantOpenLeadCap: true, consultantDiscountLimitBp: true },
    });
    const consultants = await this.prisma.staff.findMany({
      where: { storeId, role: StaffRole.CONSULTANT, active: true },
      select: { id: true, name: true, username: true, onDuty: true, specialties: { select: { modelId: true } } },
      orderBy: { id: 'asc' },
    });
    const openLeads = await this.openLeadCounts(this.prisma, consultants.map((consultant) => consultant.id));
    return {
      ...settings,
      consultants: consultants.map(({ specialties, ...consultant }) => ({
        ...consultant,
        openLeads: openLeads.get(consultant.id) ?? 0,
        specialtyModelIds: specialties.map((specialty) => specialty.modelId),
      })),
    };
  }

  async updateSettings(storeId: number, input: { assignmentMode: AssignmentMode; consultantOpenLeadCap: number; consultantDiscountLimitBp: number }) {
    await this.prisma.storeSetting.upsert({ where: { storeId }, create: { storeId, ...input }, update: input });
    return this.settings(storeId);
  }

  /** A staff member outside the caller's scope is a 404 like any other record; one in scope must be a consultant of the store. */
  async updateConsultant(caller: StaffCaller, storeId: number, staffId: number, input: { onDuty?: boolean; specialtyModelIds?: number[] }) {
    await this.assertStoreInScope(caller, storeId);
    await this.staff.findInScopeOrFail(caller, staffId);
    const consultant = await this.prisma.staff.findFirst({ where: { id: staffId, storeId, role: StaffRole.CONSULTANT }, select: { id: true } });
    if (!consultant) throw new LeadError('ASSIGNEE_INVALID', '该员工不是本店的销售顾问');
    const modelIds = input.specialtyModelIds;
    if (modelIds && (await this.prisma.vehicleModel.count({ where: { id: { in: modelIds } } })) !== new Set(modelIds).size) {
      throw new LeadError('MODEL_NOT_FOUND', '擅长车型中有不存在的车型');
    }
    await this.prisma.$transaction(async (tx) => {
      if (input.onDuty !== undefined) await tx.staff.update({ where: { id: staffId }, data: { onDuty: input.onDuty }, select: { id: true } });
      if (modelIds) {
        await tx.consultantSpecialty.deleteMany({ where: { staffId } });
        await tx.consultantSpecialty.createMany({ data: [...new Set(modelIds)].map((modelId) => ({ staffId, modelId })) });
      }
    });
    return this.settings(storeId);
  }

  async assertStoreInScope(caller: StaffCaller, storeId: number): Promise<void> {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new LeadError('STORE_NOT_FOUND', '门店不存在或无权查看');
  }

  /** Consultant limit on discounts for the store, in basis points of MSRP. */
  async discountLimitBp(db: Prisma.TransactionClient | PrismaService, storeId: number): Promise<number> {
    const settings = await db.storeSetting.findUnique({ where: { storeId }, select: { consultantDiscountLimitBp: true } });
    return settings?.consultantDiscountLimitBp ?? 500;
  }

  private async openLeadCounts(db: Prisma.TransactionClient | PrismaService, staffIds: number[]): Promise<Map<number, number>> {
    if (staffIds.length === 0) return new Map();
    const groups = await db.lead.groupBy({
      by: ['assigneeId'],
      where: { assigneeId: { in: staffIds }, stage: { notIn: CLOSED_STAGES } },
      _count: { _all: true },
    });
    return new Map(groups.map((group) => [group.assigneeId as number, group._count._all]));
  }
}
