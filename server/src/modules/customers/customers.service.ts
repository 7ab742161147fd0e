import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../core/database/prisma.service';
import { isUniqueViolation } from '../../core/database/prisma-errors';
import { maskMobiles } from '../../core/logging/mask';
import { CustomerError } from './customers.errors';

/** One person, one customer: a mobile or a WeChat openid belongs to exactly one customer row. */
@Injectable()
export class CustomersService {
  constructor(private readonly prisma: PrismaService) {}

  findOrCreateByOpenid(openid: string, unionid?: string): Promise<{ id: number }> {
    return this.findOrCreate(
      () => this.prisma.customer.findUnique({ where: { openid }, select: { id: true } }),
      () => this.prisma.customer.create({ data: { openid, unionid: unionid ?? null, consentAt: new Date() }, select: { id: true } }),
    );
  }

  findOrCreateByMobile(mobile: string): Promise<{ id: number }> {
    return this.findOrCreate(
      () => this.prisma.customer.findUnique({ where: { mobile }, select: { id: true } }),
      () => this.prisma.customer.create({ data: { mobile, consentAt: new Date() }, select: { id: true } }),
    );
  }

  async profile(customerId: number) {
    const customer = await this.prisma.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, mobile: true } });
    if (!customer) throw new CustomerError('CUSTOMER_NOT_FOUND', '客户不存在');
    return { id: customer.id, name: customer.name, mobileMasked: customer.mobile ? maskMobiles(customer.mobile) : null, hasMobile: customer.mobile !== null };
  }

  /** Two first logins at the same moment race on the unique key; the loser reads the winner's row. */
  private async findOrCreate(find: () => Promise<{ id: number } | null>, create: () => Promise<{ id: number }>) {
    const existing = await find();
    if (existing) return existing;
    try {
      return await create();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await find();
      if (!winner) throw error;
      return winner;
    }
  }
}
