import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../core/database/prisma.service';
import { NotificationError } from './notifications.errors';

export interface StaffNotice {
  kind: string;
  title: string;
  body: string;
  leadId?: number | null;
  taskId?: number | null;
}

type Db = Prisma.TransactionClient | PrismaService;

const NOTIFICATION_FIELDS = { id: true, kind: true, title: true, body: true, leadId: true, taskId: true, readAt: true, createdAt: true } as const;

/** The in-app notification centre for staff. Other modules write through `notify`, inside their own transaction. */
@Injectable()
export class NotificationsService {
  constructor(private readonly prisma: PrismaService) {}

  async notify(db: Db, staffIds: number[], notice: StaffNotice): Promise<void> {
    const recipients = [...new Set(staffIds)];
    if (recipients.length === 0) return;
    await db.notification.createMany({ data: recipients.map((staffId) => ({ staffId, ...notice, leadId: notice.leadId ?? null, taskId: notice.taskId ?? null })) });
  }

  async list(staffId: number, unreadOnly: boolean, page: number, pageSize: number) {
    const where = { staffId, ...(unreadOnly ? { readAt: null } : {}) };
    const [items, total] = await Promise.all([
      this.prisma.notification.findMany({ where, select: NOTIFICATION_FIELDS, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.notification.count({ where }),
    ]);
    return { items, total, page, pageSize };
  }

  async unreadCount(staffId: number) {
    return { count: await this.prisma.notification.count({ where: { staffId, readAt: null } }) };
  }

  async markRead(staffId: number, id: number) {
    const updated = await this.prisma.notification.updateMany({ where: { id, staffId, readAt: null }, data: { readAt: new Date() } });
    if (updated.count === 0 && !(await this.prisma.notification.findFirst({ where: { id, staffId }, select: { id: true } }))) {
      throw new NotificationError('NOTIFICATION_NOT_FOUND', '通知不存在');
    }
    return this.prisma.notification.findUniqueOrThrow({ where: { id }, select: NOTIFICATION_FIELDS });
  }

  async markAllRead(staffId: number) {
    const updated = await this.prisma.notification.updateMany({ where: { staffId, readAt: null }, data: { readAt: new Date() } });
    return { updated: updated.count };
  }
}
