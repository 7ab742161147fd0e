import { Injectable } from '@nestjs/common';
import { MessageChannel } from '../../generated/prisma/enums';
import { PrismaService } from '../../core/database/prisma.service';
import { Clock } from '../../core/time/clock';
import { AutomationError } from './automation.errors';

const MESSAGE_FIELDS = { id: true, channel: true, title: true, body: true, page: true, sentAt: true, readAt: true } as const;

/** The customer's side of messaging: their timeline (inbox) and the channels they allow. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async timeline(customerId: number, page: number, pageSize: number) {
    const where = { customerId };
    const [items, total] = await Promise.all([
      this.prisma.customerMessage.findMany({ where, select: MESSAGE_FIELDS, orderBy: [{ sentAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.customerMessage.count({ where }),
    ]);
    return { items, total, page, pageSize };
  }

  async unreadCount(customerId: number) {
    return { count: await this.prisma.customerMessage.count({ where: { customerId, readAt: null } }) };
  }

  async markRead(customerId: number, id: number) {
    const message = await this.prisma.customerMessage.findFirst({ where: { id, customerId }, select: { id: true } });
    if (!message) throw new AutomationError('MESSAGE_NOT_FOUND', '消息不存在');
    await this.prisma.customerMessage.updateMany({ where: { id, readAt: null }, data: { readAt: this.clock.now() } });
    return this.prisma.customerMessage.findUniqueOrThrow({ where: { id }, select: MESSAGE_FIELDS });
  }

  async markAllRead(customerId: number) {
    const updated = await this.prisma.customerMessage.updateMany({ where: { customerId, readAt: null }, data: { readAt: this.clock.now() } });
    return { updated: updated.count };
  }

  async preferences(customerId: number) {
    const optOuts = await this.prisma.channelOptOut.findMany({ where: { customerId }, select: { channel: true } });
    const off = new Set(optOuts.map((optOut) => optOut.channel));
    return { wechat: !off.has(MessageChannel.WECHAT), sms: !off.has(MessageChannel.SMS) };
  }

  async updatePreferences(customerId: number, input: { wechat?: boolean; sms?: boolean }) {
    const changes: Array<[MessageChannel, boolean | undefined]> = [
      [MessageChannel.WECHAT, input.wechat],
      [MessageChannel.SMS, input.sms],
    ];
    for (const [channel, allowed] of changes) {
      if (allowed === true) await this.prisma.channelOptOut.deleteMany({ where: { customerId, channel } });
      if (allowed === false) await this.prisma.channelOptOut.createMany({ data: [{ customerId, channel }], skipDuplicates: true });
    }
    return this.preferences(customerId);
  }
}
