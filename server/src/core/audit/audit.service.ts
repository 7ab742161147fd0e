import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { AuditAction, AuditQuery } from '../../contracts/audit.contract';
import { PrismaService } from '../database/prisma.service';
import { requestContext } from '../http/request-context';
import { maskMobiles } from '../logging/mask';
import { shanghaiDateSpan } from '../time/shanghai-time';
import type { StaffCaller } from '../auth/caller';

export interface AuditActor {
  type: 'STAFF' | 'CUSTOMER' | 'SYSTEM' | 'ANONYMOUS';
  id?: number | null;
  name?: string | null;
}

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | number | null;
  before?: Prisma.InputJsonObject | null;
  after?: Prisma.InputJsonObject | null;
}

type Db = Prisma.TransactionClient | PrismaService;

export const staffActor = (caller: StaffCaller): AuditActor => ({ type: 'STAFF', id: caller.staffId });

const ENTRY_FIELDS = { id: true, actorType: true, actorId: true, actorName: true, action: true, entityType: true, entityId: true, before: true, after: true, ip: true, userAgent: true, requestId: true, createdAt: true } as const;

/** Mobiles never enter the log in full: the log is kept longer than the people in it. */
function masked(value: Prisma.InputJsonObject | null | undefined): Prisma.InputJsonObject | undefined {
  return value ? (JSON.parse(maskMobiles(JSON.stringify(value))) as Prisma.InputJsonObject) : undefined;
}

/**
 * The audit log: one append-only row per sensitive action, written in the same transaction as the action
 * (so an action that rolls back leaves no entry), with the request's IP, user agent and id.
 */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(db: Db, entry: AuditEntry): Promise<void> {
    const context = requestContext.getStore();
    await db.auditLog.create({
      data: {
        actorType: entry.actor.type,
        actorId: entry.actor.id ?? null,
        actorName: entry.actor.name?.slice(0, 64) ?? null,
        action: entry.action,
        entityType: entry.entityType ?? null,
        entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
        before: masked(entry.before),
        after: masked(entry.after),
        ip: context?.ip ?? null,
        userAgent: context?.userAgent ?? null,
        requestId: context?.requestId ?? null,
      },
      select: { id: true },
    });
  }

  async list(query: AuditQuery) {
    const q = query.q?.trim();
    // Staff entries store the id, not the name: a search by name also finds the ids of the staff it names.
    const namedStaff = q ? await this.prisma.staff.findMany({ where: { OR: [{ name: { contains: q } }, { username: q }] }, select: { id: true }, take: 200 }) : [];
    const where: Prisma.AuditLogWhereInput = {
      action: query.action,
      actorType: query.actorType,
      actorId: query.actorId,
      entityType: query.entityType,
      entityId: query.entityId,
      ...(q ? { OR: [{ actorName: { contains: q } }, { ip: q }, { actorType: 'STAFF', actorId: { in: namedStaff.map((staff) => staff.id) } }] } : {}),
      createdAt: shanghaiDateSpan(query.from, query.to),
    };
    const [rows, total] = await Promise.all([
      this.prisma.auditLog.findMany({ where, select: ENTRY_FIELDS, orderBy: { id: 'desc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      this.prisma.auditLog.count({ where }),
    ]);
    // Staff entries carry the id; their names are looked up for the page (a renamed person reads as now).
    const staffIds = [...new Set(rows.filter((row) => row.actorType === 'STAFF' && row.actorId !== null && row.actorName === null).map((row) => row.actorId!))];
    const names = new Map((await this.prisma.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })).map((staff) => [staff.id, staff.name]));
    const items = rows.map((row) => ({ ...row, actorName: row.actorName ?? (row.actorType === 'STAFF' && row.actorId !== null ? (names.get(row.actorId) ?? null) : null) }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
