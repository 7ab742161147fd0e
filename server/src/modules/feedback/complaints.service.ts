import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { ComplaintCategory, ComplaintSource, ComplaintStatus, MessageChannel } from '../../generated/prisma/enums';
import type { AddComplaintNoteInput, ComplaintQuery, RaiseComplaintInput, StaffComplaintInput } from '../../contracts/feedback.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';
import { PrismaService } from '../../core/database/prisma.service';
import { Clock } from '../../core/time/clock';
import { shanghaiDateOf } from '../../core/time/shanghai-time';
import { customerChannel } from '../automation/automation.rules';
import { OutboxService } from '../automation/outbox.service';
import { CustomersService } from '../customers/customers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { StaffService } from '../org/staff.service';
import { StoresService } from '../org/stores.service';
import { VehiclesService } from '../vehicles/vehicles.service';
import { FeedbackError } from './feedback.errors';
import { canMoveComplaint, COMPLAINT_STATUS_LABELS, firstResponseDue, isFirstResponseLate } from './feedback.rules';

type Tx = Prisma.TransactionClient;

const COMPLAINT_FIELDS = {
  id: true,
  source: true,
  category: true,
  content: true,
  status: true,
  surveyId: true,
  firstResponseDueAt: true,
  firstRespondedAt: true,
  escalatedAt: true,
  resolution: true,
  resolvedAt: true,
  createdAt: true,
  store: { select: { id: true, name: true } },
  customer: { select: { id: true, name: true, mobile: true } },
  assignee: { select: { id: true, name: true } },
} as const;

type ComplaintRow = Prisma.ComplaintGetPayload<{ select: typeof COMPLAINT_FIELDS }>;

const CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  SERVICE_QUALITY: '服务质量',
  ATTITUDE: '服务态度',
  WAITING: '等待时间',
  PRICE: '价格',
  VEHICLE_QUALITY: '车辆质量',
  OTHER: '其他',
};

/** Complaint tickets: opened by a customer, by staff, or by a low survey score; first response within 24 h. */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly staff: StaffService,
    private readonly stores: StoresService,
    private readonly vehicles: VehiclesService,
    private readonly customers: CustomersService,
    private readonly outbox: OutboxService,
  ) {}

  /** Opens a ticket in the caller's transaction and tells the store's managers. */
  async open(tx: Tx, input: { customerId: number; storeId: number; source: ComplaintSource; category: ComplaintCategory; content: string; surveyId?: number | null }): Promise<number> {
    const now = this.clock.now();
    const managers = await this.staff.storeManagerIds(input.storeId);
    const complaint = await tx.complaint.create({
      data: { ...input, surveyId: input.surveyId ?? null, assigneeId: managers[0] ?? null, firstResponseDueAt: firstResponseDue(now), createdAt: now },
      select: { id: true },
    });
    await this.notifications.notify(tx, managers, { kind: 'COMPLAINT', title: '新的客户投诉', body: `【${CATEGORY_LABELS[input.category]}】${input.content.slice(0, 80)}（24 小时内首次响应）` });
    return complaint.id;
  }

  async raiseByCustomer(customerId: number, input: RaiseComplaintInput) {
    const storeId = input.storeId ?? (await this.vehicles.homeStoreId(customerId));
    if (!storeId) throw new FeedbackError('STORE_REQUIRED', '请选择要投诉的门店');
    if (!(await this.stores.listActiveStores()).some((store) => store.id === storeId)) throw new FeedbackError('STORE_NOT_FOUND', '门店不存在');
    const id = await this.prisma.$transaction((tx) => this.open(tx, { customerId, storeId, source: ComplaintSource.CUSTOMER, category: input.category, content: input.content }));
    return this.myView(await this.row(id));
  }

  async raiseByStaff(caller: StaffCaller, input: StaffComplaintInput) {
    if (!(await this.stores.storeInScope(caller, input.storeId))) throw new FeedbackError('STORE_NOT_FOUND', '门店不存在或无权操作');
    await this.customers.findInScope(caller, input.customerId);
    const storeId = input.storeId;
    const id = await this.prisma.$transaction((tx) => this.open(tx, { customerId: input.customerId, storeId, source: ComplaintSource.STAFF, category: input.category, content: input.content }));
    return this.detail(caller, id);
  }

  async mine(customerId: number) {
    const rows = await this.prisma.complaint.findMany({ where: { customerId }, select: COMPLAINT_FIELDS, orderBy: { id: 'desc' }, take: 100 });
    return rows.map((row) => this.myView(row));
  }

  async list(caller: StaffCaller, query: ComplaintQuery) {
    const now = this.clock.now();
    const q = query.q?.trim();
    const where: Prisma.ComplaintWhereInput = {
      AND: [
        this.scope(caller),
        { status: query.status, storeId: query.storeId, category: query.category },
        query.overdue === 'true' ? { OR: [{ firstRespondedAt: null, firstResponseDueAt: { lt: now } }, { escalatedAt: { not: null } }] } : {},
        q ? { OR: [{ content: { contains: q } }, { customer: { name: { contains: q } } }, { customer: { mobile: q } }] } : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.prisma.complaint.findMany({ where, select: COMPLAINT_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.complaint.count({ where }),
    ]);
    return { items: rows.map((row) => this.staffView(caller, row, now)), total, page: query.page, pageSize: query.pageSize };
  }

  async detail(caller: StaffCaller, id: number) {
    const row = await this.prisma.complaint.findFirst({ where: { AND: [{ id }, this.scope(caller)] }, select: COMPLAINT_FIELDS });
    if (!row) throw new FeedbackError('COMPLAINT_NOT_FOUND', '投诉不存在或无权查看');
    const notes = await this.prisma.complaintNote.findMany({ where: { complaintId: id }, select: { id: true, status: true, note: true, createdAt: true, staff: { select: { id: true, name: true } } }, orderBy: { id: 'asc' } });
    return { ...this.staffView(caller, row, this.clock.now()), notes };
  }

  /** A note is the first response if none came before; it may move the ticket on. Resolving tells the customer. */
  async addNote(caller: StaffCaller, id: number, input: AddComplaintNoteInput) {
    const current = await this.detail(caller, id);
    if (input.status && !canMoveComplaint(current.status, input.status)) throw new FeedbackError('COMPLAINT_TRANSITION_INVALID', `投诉当前为「${COMPLAINT_STATUS_LABELS[current.status]}」，不能改为「${COMPLAINT_STATUS_LABELS[input.status]}」`);
    if (input.status === ComplaintStatus.RESOLVED && !input.resolution?.trim()) throw new FeedbackError('RESOLUTION_REQUIRED', '请填写处理结果', [{ path: 'resolution', message: '请填写处理结果' }]);
    const now = this.clock.now();
    await this.prisma.$transaction(async (tx) => {
      if (input.status) {
        const moved = await tx.complaint.updateMany({
          where: { id, status: current.status },
          data: { status: input.status, ...(input.status === ComplaintStatus.RESOLVED ? { resolution: input.resolution, resolvedAt: now } : {}) },
        });
        if (moved.count !== 1) throw new FeedbackError('COMPLAINT_TRANSITION_INVALID', '投诉状态已被他人更新，请刷新后重试');
      }
      await tx.complaint.updateMany({ where: { id, firstRespondedAt: null }, data: { firstRespondedAt: now } });
      const note = await tx.complaintNote.create({ data: { complaintId: id, staffId: caller.staffId, status: input.status ?? null, note: input.note, createdAt: now }, select: { id: true } });
      if (input.status === ComplaintStatus.RESOLVED) await this.tellCustomerResolved(tx, note.id, current.customer.id, input.resolution!);
    });
    return this.detail(caller, id);
  }

  /** Tickets whose first response is late and not yet escalated: the region's managers hear, once. */
  async escalateLate(): Promise<number> {
    const now = this.clock.now();
    const late = await this.prisma.complaint.findMany({ where: { firstRespondedAt: null, escalatedAt: null, firstResponseDueAt: { lt: now } }, select: { id: true, storeId: true, category: true, content: true, store: { select: { name: true } } }, take: 200 });
    let escalated = 0;
    for (const complaint of late) {
      const recipients = await this.staff.escalationIds(complaint.storeId);
      const claimed = await this.prisma.$transaction(async (tx) => {
        const claim = await tx.complaint.updateMany({ where: { id: complaint.id, escalatedAt: null, firstRespondedAt: null }, data: { escalatedAt: now } });
        if (claim.count !== 1) return false;
        await this.notifications.notify(tx, recipients, { kind: 'COMPLAINT_LATE', title: '投诉超时未响应', body: `${complaint.store.name}：【${CATEGORY_LABELS[complaint.category]}】${complaint.content.slice(0, 60)} 已超过 24 小时未响应` });
        return true;
      });
      if (claimed) escalated += 1;
    }
    return escalated;
  }

  /** One message per resolving note (a reopened ticket resolved again is news again). */
  private async tellCustomerResolved(tx: Tx, noteId: number, customerId: number, resolution: string): Promise<void> {
    const contact = (await this.customers.contacts([customerId])).get(customerId);
    await this.outbox.enqueue(tx, [
      {
        dedupeKey: `complaint-resolved:${noteId}`,
        source: 'COMPLAINT',
        customerId,
        channel: contact ? customerChannel(MessageChannel.WECHAT, contact) : MessageChannel.IN_APP,
        title: '您的投诉已处理',
        body: resolution.slice(0, 200),
        page: 'pages/feedback/complaints/index',
        dueOn: shanghaiDateOf(this.clock.now()),
      },
    ]);
  }

  private scope(caller: StaffCaller): Prisma.ComplaintWhereInput {
    return scopedWhere<Prisma.ComplaintWhereInput>(dataScopeOf(caller), {
      own: () => ({ id: -1 }),
      store: (storeId) => ({ storeId }),
      region: (regionId) => ({ store: { regionId } }),
    });
  }

  private row(id: number) {
    return this.prisma.complaint.findUniqueOrThrow({ where: { id }, select: COMPLAINT_FIELDS });
  }

  private staffView(caller: StaffCaller, row: ComplaintRow, now: Date) {
    return { ...row, customer: { ...row.customer, mobile: row.customer.mobile && customerMobileFor(caller.role, row.customer.mobile) }, overdue: isFirstResponseLate(row, now) };
  }

  private myView(row: ComplaintRow) {
    return { id: row.id, source: row.source, category: row.category, content: row.content, status: row.status, store: row.store, resolution: row.resolution, createdAt: row.createdAt, resolvedAt: row.resolvedAt };
  }
}
