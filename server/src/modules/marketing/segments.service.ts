import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { SegmentFilter } from '../../contracts/marketing.contract';
import type { StaffCaller } from '../../core/auth/caller';
import { PrismaService } from '../../core/database/prisma.service';
import { CustomersService } from '../customers/customers.service';
import { LoyaltyAdminService } from '../loyalty/loyalty-admin.service';
import { MEMBER_WHERE } from '../loyalty/members.rules';
import { MarketingError } from './marketing.errors';
import { segmentWhere, storedSegmentFilter } from './segments.rules';

const invalidFilter = () => new MarketingError('SEGMENT_FILTER_INVALID', '该人群的条件已失效（超出允许范围），请修改条件后再使用');

const SEGMENT_FIELDS = { id: true, name: true, filter: true, createdAt: true, updatedAt: true, createdBy: { select: { id: true, name: true } } } satisfies Prisma.SegmentSelect;

/** 人群: saved filters over members, each counted live by the database. */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly members: LoyaltyAdminService,
    private readonly customers: CustomersService,
  ) {}

  count(filter: SegmentFilter, now = new Date()): Promise<number> {
    return this.customers.count({ AND: [MEMBER_WHERE, segmentWhere(filter, now)] });
  }

  async list() {
    const rows = await this.prisma.segment.findMany({ select: SEGMENT_FIELDS, orderBy: { id: 'desc' }, take: 200 });
    return Promise.all(rows.map((row) => this.withCount(row)));
  }

  // The filter is counted on the database before it is written, so a filter the database refuses saves nothing.
  async create(caller: StaffCaller, name: string, filter: SegmentFilter) {
    const count = await this.count(filter);
    const row = await this.prisma.segment.create({ data: { name, filter, createdById: caller.staffId }, select: SEGMENT_FIELDS });
    return { ...row, filter, count };
  }

  async update(segmentId: number, name: string, filter: SegmentFilter) {
    const count = await this.count(filter);
    const updated = await this.prisma.segment.updateMany({ where: { id: segmentId }, data: { name, filter } });
    if (updated.count !== 1) throw new MarketingError('SEGMENT_NOT_FOUND', '人群不存在');
    // Deleted between the update and this read (the fuzz test's parallel DELETE did it): as if it never was.
    const row = await this.prisma.segment.findUnique({ where: { id: segmentId }, select: SEGMENT_FIELDS });
    if (!row) throw new MarketingError('SEGMENT_NOT_FOUND', '人群不存在');
    return { ...row, filter, count };
  }

  async remove(segmentId: number): Promise<void> {
    if (await this.prisma.campaign.findFirst({ where: { segmentId }, select: { id: true } })) throw new MarketingError('SEGMENT_IN_USE', '该人群已被营销活动使用，不能删除');
    const removed = await this.prisma.segment.deleteMany({ where: { id: segmentId } });
    if (removed.count !== 1) throw new MarketingError('SEGMENT_NOT_FOUND', '人群不存在');
  }

  async one(segmentId: number) {
    const row = await this.prisma.segment.findUnique({ where: { id: segmentId }, select: SEGMENT_FIELDS });
    if (!row) throw new MarketingError('SEGMENT_NOT_FOUND', '人群不存在');
    return this.withCount(row);
  }

  /** The segment's filter, refused when it no longer passes the contract (a campaign or member list cannot use it). */
  async usableFilter(segmentId: number): Promise<SegmentFilter> {
    const segment = await this.one(segmentId);
    if (!segment.filter) throw invalidFilter();
    return segment.filter;
  }

  async membersOf(caller: StaffCaller, segmentId: number, page: number, pageSize: number) {
    const filter = await this.usableFilter(segmentId);
    return this.members.members(caller, { page, pageSize }, segmentWhere(filter, new Date()));
  }

  /** The segment's members now, a page at a time by id (a campaign's launch walks them all). */
  async memberIdsAfter(stored: Prisma.JsonValue, afterId: number, take: number, now: Date): Promise<number[]> {
    const filter = storedSegmentFilter(stored);
    if (!filter) throw invalidFilter();
    return this.customers.idsAfter({ AND: [MEMBER_WHERE, segmentWhere(filter, now)] }, afterId, take);
  }

  private async withCount(row: Prisma.SegmentGetPayload<{ select: typeof SEGMENT_FIELDS }>) {
    const filter = storedSegmentFilter(row.filter);
    return { ...row, filter, count: filter ? await this.count(filter) : null };
  }
}
