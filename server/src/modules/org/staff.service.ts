import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { StaffRole } from '../../generated/prisma/enums';
import type { CreateStaffInput, StaffListQuery, StaffView, UpdateStaffInput } from '../../contracts/org.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { maskMobiles } from '../../core/logging/mask';
import { hashPassword } from '../auth/password-hasher';
import { OrgError } from './org.errors';
import { placementFor, seesFullStaffMobiles } from './org.rules';
import { AuditService, staffActor } from '../../core/audit/audit.service';

const STAFF_FIELDS = {
  id: true,
  username: true,
  name: true,
  role: true,
  storeId: true,
  regionId: true,
  mobile: true,
  active: true,
  createdAt: true,
  lastLoginAt: true,
  store: { select: { name: true } },
  region: { select: { name: true } },
} satisfies Prisma.StaffSelect;

type StaffRow = Prisma.StaffGetPayload<{ select: typeof STAFF_FIELDS }>;

/** Who a staff member is, as a session and the admin's header show them. */
const STAFF_IDENTITY = { id: true, username: true, name: true, role: true, storeId: true, regionId: true } as const;

@Injectable()
export class StaffService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: StaffCaller, query: StaffListQuery) {
    const where: Prisma.StaffWhereInput = {
      AND: [
        this.scopeOf(caller),
        query.q ? { OR: [{ username: { contains: query.q } }, { name: { contains: query.q } }, { mobile: { contains: query.q } }] } : {},
        query.role ? { role: query.role } : {},
        query.storeId ? { storeId: query.storeId } : {},
        query.regionId ? { regionId: query.regionId } : {},
        query.active === undefined ? {} : { active: query.active },
      ],
    };
    const [rows, total] = await Promise.all([
      this.prisma.staff.findMany({
        where,
        select: STAFF_FIELDS,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.staff.count({ where }),
    ]);
    return { items: rows.map((row) => this.view(row, caller)), total, page: query.page, pageSize: query.pageSize };
  }

  async create(caller: StaffCaller, input: CreateStaffInput): Promise<StaffView> {
    const placement = await this.placement(input.role, input.storeId ?? null, input.regionId ?? null);
    try {
      const passwordHash = await hashPassword(input.password);
      const row = await this.prisma.$transaction(async (tx) => {
        const created = await tx.staff.create({
          data: { username: input.username, passwordHash, name: input.name, role: input.role, mobile: input.mobile ?? null, ...placement },
          select: STAFF_FIELDS,
        });
        await this.audit.record(tx, { actor: staffActor(caller), action: 'staff.created', entityType: 'staff', entityId: created.id, after: { username: created.username, role: created.role, storeId: created.storeId, regionId: created.regionId } });
        return created;
      });
      return this.view(row, caller);
    } catch (error) {
      if (isUniqueViolation(error)) throw new OrgError('USERNAME_TAKEN', `用户名 ${input.username} 已存在`);
      throw error;
    }
  }

  async update(caller: StaffCaller, id: number, input: UpdateStaffInput): Promise<StaffView> {
    const current = await this.findInScopeOrFail(caller, id);
    const role = input.role ?? current.role;
    const placement = await this.placement(
      role,
      input.storeId === undefined ? current.storeId : input.storeId,
      input.regionId === undefined ? current.regionId : input.regionId,
    );
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const row = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.staff.update({
        where: { id },
        data: { name: input.name, role: input.role, mobile: input.mobile, ...placement, ...(passwordHash ? { passwordHash, tokenVersion: { increment: 1 } } : {}) },
        select: STAFF_FIELDS,
      });
      await this.audit.record(tx, {
        actor: staffActor(caller),
        action: 'staff.updated',
        entityType: 'staff',
        entityId: id,
        before: { name: current.name, role: current.role, storeId: current.storeId, regionId: current.regionId },
        after: { name: updated.name, role: updated.role, storeId: updated.storeId, regionId: updated.regionId, passwordChanged: passwordHash !== null },
      });
      return updated;
    });
    return this.view(row, caller);
  }

  /** Deactivation bumps the token version, so the person's tokens stop working on the next request. */
  async setActive(caller: StaffCaller, id: number, active: boolean): Promise<StaffView> {
    if (!active && id === caller.staffId) throw new OrgError('CANNOT_DEACTIVATE_SELF', '不能停用自己的账号');
    await this.findInScopeOrFail(caller, id);
    const row = await this.prisma.$transaction(async (tx) => {
      const updated = await tx.staff.update({ where: { id }, data: { active, ...(active ? {} : { tokenVersion: { increment: 1 } }) }, select: STAFF_FIELDS });
      await this.audit.record(tx, { actor: staffActor(caller), action: active ? 'staff.reactivated' : 'staff.deactivated', entityType: 'staff', entityId: id });
      return updated;
    });
    return this.view(row, caller);
  }

  /** Active store managers of a store: who approves, and who hears about overdue work. */
  async storeManagerIds(storeId: number): Promise<number[]> {
    return this.activeIdsWithRole(storeId, StaffRole.STORE_MANAGER);
  }

  /** The store's active service advisors, in a fixed order (call-back tasks are dealt out among them). */
  async serviceAdvisorIds(storeId: number): Promise<number[]> {
    return this.activeIdsWithRole(storeId, StaffRole.SERVICE_ADVISOR);
  }

  /** Who hears when a store's complaint is late: its region's managers, else the directors and admins. */
  async escalationIds(storeId: number): Promise<number[]> {
    const store = await this.prisma.store.findUnique({ where: { id: storeId }, select: { regionId: true } });
    const regional = store ? await this.prisma.staff.findMany({ where: { regionId: store.regionId, role: StaffRole.REGION_MANAGER, active: true }, select: { id: true } }) : [];
    if (regional.length > 0) return regional.map((staff) => staff.id);
    const top = await this.prisma.staff.findMany({ where: { role: { in: [StaffRole.DIRECTOR, StaffRole.ADMIN] }, active: true }, select: { id: true }, orderBy: { id: 'asc' } });
    return top.map((staff) => staff.id);
  }

  /** Who checks messages a crash left unconfirmed: a marketer (who runs the messages), else an administrator. */
  async messageReviewerId(): Promise<number | null> {
    for (const role of [StaffRole.MARKETER, StaffRole.ADMIN]) {
      const reviewer = await this.prisma.staff.findFirst({ where: { role, active: true }, select: { id: true }, orderBy: { id: 'asc' } });
      if (reviewer) return reviewer.id;
    }
    return null;
  }

  private async activeIdsWithRole(storeId: number, role: StaffRole): Promise<number[]> {
    const staff = await this.prisma.staff.findMany({ where: { storeId, role, active: true }, select: { id: true }, orderBy: { id: 'asc' } });
    return staff.map((member) => member.id);
  }

  /** The active consultants of these stores, with their usernames (an import names them by username). */
  activeConsultantsOfStores(storeIds: number[]) {
    return this.prisma.staff.findMany({ where: { storeId: { in: storeIds }, role: 'CONSULTANT', active: true }, select: { id: true, username: true, storeId: true } });
  }

  /** An active consultant of the store, or null. */
  async activeConsultantOfStore(staffId: number, storeId: number) {
    return this.prisma.staff.findFirst({
      where: { id: staffId, storeId, role: 'CONSULTANT', active: true },
      select: { id: true, name: true },
    });
  }

  /** A consultant of the store (active or not), by id: whether there is one. */
  async isConsultantOfStore(staffId: number, storeId: number): Promise<boolean> {
    return (await this.prisma.staff.count({ where: { id: staffId, storeId, role: StaffRole.CONSULTANT } })) > 0;
  }

  /** The store's active consultants with their duty and specialties (the assignment roster); onDutyOnly in the caller's transaction. */
  consultantRoster(db: Prisma.TransactionClient | PrismaService, storeId: number, options: { onDutyOnly: boolean; excluding?: number[] }) {
    return db.staff.findMany({
      where: { storeId, role: StaffRole.CONSULTANT, active: true, ...(options.onDutyOnly ? { onDuty: true } : {}), id: { notIn: options.excluding ?? [] } },
      select: { id: true, name: true, username: true, onDuty: true, specialties: { select: { modelId: true } } },
      orderBy: { id: 'asc' },
    });
  }

  async setOnDuty(db: Prisma.TransactionClient | PrismaService, staffId: number, onDuty: boolean): Promise<void> {
    await db.staff.update({ where: { id: staffId }, data: { onDuty }, select: { id: true } });
  }

  /** Sets a consultant's duty and/or replaces their specialties, together. */
  async updateConsultantRoster(staffId: number, input: { onDuty?: boolean; specialtyModelIds?: number[] }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      if (input.onDuty !== undefined) await this.setOnDuty(tx, staffId, input.onDuty);
      if (input.specialtyModelIds) {
        await tx.consultantSpecialty.deleteMany({ where: { staffId } });
        await tx.consultantSpecialty.createMany({ data: [...new Set(input.specialtyModelIds)].map((modelId) => ({ staffId, modelId })) });
      }
    });
  }

  /** A staff member the caller may see (their scope), or a 404. */
  async findInScopeOrFail(caller: StaffCaller, id: number) {
    const staff = await this.prisma.staff.findFirst({
      where: { AND: [{ id }, this.scopeOf(caller)] },
      select: { id: true, name: true, role: true, storeId: true, regionId: true },
    });
    if (!staff) throw new OrgError('STAFF_NOT_FOUND', '员工不存在或无权查看');
    return staff;
  }

  private scopeOf(caller: StaffCaller): Prisma.StaffWhereInput {
    return scopedWhere<Prisma.StaffWhereInput>(dataScopeOf(caller), {
      own: (staffId) => ({ id: staffId }),
      store: (storeId) => ({ storeId }),
      region: (regionId) => ({ OR: [{ regionId }, { store: { regionId } }] }),
    });
  }

  private async placement(role: StaffRole, storeId: number | null, regionId: number | null) {
    let regionOfStore: number | null = null;
    if (storeId !== null) {
      const store = await this.prisma.store.findUnique({ where: { id: storeId }, select: { regionId: true } });
      if (!store) throw new OrgError('STORE_NOT_FOUND', `门店 ${storeId} 不存在`, [{ path: 'storeId', message: '门店不存在' }]);
      regionOfStore = store.regionId;
    }
    if (regionId !== null && !(await this.prisma.region.findUnique({ where: { id: regionId }, select: { id: true } }))) {
      throw new OrgError('REGION_NOT_FOUND', `区域 ${regionId} 不存在`, [{ path: 'regionId', message: '区域不存在' }]);
    }
    return placementFor(role, storeId, regionId, regionOfStore);
  }

  private view(row: StaffRow, caller: StaffCaller): StaffView {
    const { store, region, mobile, ...rest } = row;
    return {
      ...rest,
      storeName: store?.name ?? null,
      regionName: region?.name ?? null,
      mobile: mobile && !seesFullStaffMobiles(caller.role) ? maskMobiles(mobile) : mobile,
    };
  }

  /** How many of the store's active staff in a role are on duty (the workshop's advisors, for its capacity). */
  onDutyCount(storeId: number, role: StaffRole): Promise<number> {
    return this.prisma.staff.count({ where: { storeId, role, active: true, onDuty: true } });
  }

  /** A staff account as sign-in needs it: identity, password hash, whether active, token version. */
  forSignIn(username: string) {
    return this.prisma.staff.findUnique({ where: { username }, select: { ...STAFF_IDENTITY, passwordHash: true, active: true, tokenVersion: true } });
  }

  async recordLogin(tx: Prisma.TransactionClient, staffId: number, at: Date): Promise<void> {
    await tx.staff.update({ where: { id: staffId }, data: { lastLoginAt: at }, select: { id: true } });
  }

  /** The signed-in staff member's own profile, with their store and region. */
  profile(staffId: number) {
    return this.prisma.staff.findUniqueOrThrow({
      where: { id: staffId },
      select: { ...STAFF_IDENTITY, mobile: true, store: { select: { id: true, name: true } }, region: { select: { id: true, name: true } } },
    });
  }
}
