import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { AssignmentMode } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { VehicleModelsService } from '../vehicles/vehicle-models.service';
import { LeadError } from './leads.errors';
import { pickConsultant } from './lead-assignment.rules';
import { CLOSED_STAGES } from './lead-views';


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
    private readonly models: VehicleModelsService,
  ) {}

  /** Call before the transaction that picks: inserting the row inside it would deadlock concurrent pickers. */
  async ensureSettings(storeId: number): Promise<void> {
    await this.stores.ensureSettings(storeId);
  }

  async pickAssignee(tx: Prisma.TransactionClient, storeId: number, intendedModelId: number | null, excluding: number[] = []): Promise<number | null> {
    const policy = await this.stores.lockAssignmentSettings(tx, storeId);
    const consultants = await this.staff.consultantRoster(tx, storeId, { onDutyOnly: true, excluding });
    const openLeads = await this.openLeadCounts(tx, consultants.map((consultant) => consultant.id));
    const picked = pickConsultant(
      consultants.map((consultant) => ({
        id: consultant.id,
        openLeads: openLeads.get(consultant.id) ?? 0,
        specialtyModelIds: consultant.specialties.map((specialty) => specialty.modelId),
      })),
      policy,
      intendedModelId,
    );
    if (picked !== null) await this.stores.recordLastAssigned(tx, storeId, picked);
    return picked;
  }

  async settings(storeId: number) {
    const settings = await this.stores.assignmentSettings(storeId);
    const consultants = await this.staff.consultantRoster(this.prisma, storeId, { onDutyOnly: false });
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
    await this.stores.updateAssignmentSettings(storeId, input);
    return this.settings(storeId);
  }

  /** A staff member outside the caller's scope is a 404 like any other record; one in scope must be a consultant of the store. */
  async updateConsultant(caller: StaffCaller, storeId: number, staffId: number, input: { onDuty?: boolean; specialtyModelIds?: number[] }) {
    await this.assertStoreInScope(caller, storeId);
    await this.staff.findInScopeOrFail(caller, staffId);
    if (!(await this.staff.isConsultantOfStore(staffId, storeId))) throw new LeadError('ASSIGNEE_INVALID', '该员工不是本店的销售顾问');
    const modelIds = input.specialtyModelIds;
    if (modelIds && (await this.models.countModels(modelIds)) !== new Set(modelIds).size) {
      throw new LeadError('MODEL_NOT_FOUND', '擅长车型中有不存在的车型');
    }
    await this.staff.updateConsultantRoster(staffId, input);
    return this.settings(storeId);
  }

  async assertStoreInScope(caller: StaffCaller, storeId: number): Promise<void> {
    if (!(await this.stores.storeInScope(caller, storeId))) throw new LeadError('STORE_NOT_FOUND', '门店不存在或无权查看');
  }

  /** Consultant limit on discounts for the store, in basis points of MSRP. */
  discountLimitBp(storeId: number): Promise<number> {
    return this.stores.discountLimitBp(storeId);
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
