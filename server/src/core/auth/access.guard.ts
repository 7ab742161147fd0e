import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/domain-error';
import { PrismaService } from '../database/prisma.service';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import type { Caller } from './caller';
import { TokenService } from './token.service';

/**
 * Applies each route's access rule: public routes pass; others need a valid bearer token of the right
 * kind (a customer token never passes a staff route and the reverse), from an active account whose
 * token version still matches (staff and customers alike), and for staff one of the route's roles.
 * `signedIn` routes take either kind.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly prisma: PrismaService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`Route ${context.getClass().name}.${context.getHandler().name} declares no access rule; refusing`);
      throw new HttpError('FORBIDDEN', '无权执行此操作');
    }
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new HttpError('UNAUTHORIZED', '请先登录');
    const verified = await this.tokens.verifyAccessToken(token);

    if (rule.kind === 'customer' || (rule.kind === 'signedIn' && verified.subject === 'customer')) {
      if (verified.subject !== 'customer') throw new HttpError('FORBIDDEN', '该接口仅供车主/客户使用');
      const customer = await this.prisma.customer.findUnique({ where: { id: verified.id }, select: { id: true, anonymisedAt: true, tokenVersion: true } });
      if (!customer || customer.anonymisedAt || customer.tokenVersion !== verified.version) {
        throw new HttpError('UNAUTHORIZED', '账号不存在、已注销或登录已失效，请重新登录');
      }
      request.caller = { kind: 'customer', customerId: customer.id };
      return true;
    }

    if (verified.subject !== 'staff') throw new HttpError('FORBIDDEN', '该接口仅供员工使用');
    const staff = await this.prisma.staff.findUnique({
      where: { id: verified.id },
      select: { id: true, role: true, storeId: true, regionId: true, active: true, tokenVersion: true },
    });
    if (!staff || !staff.active || staff.tokenVersion !== verified.version) {
      throw new HttpError('UNAUTHORIZED', '账号已停用或登录已失效，请重新登录');
    }
    request.caller = { kind: 'staff', staffId: staff.id, role: staff.role, storeId: staff.storeId, regionId: staff.regionId };
    if (rule.kind === 'staff' && !rule.roles.includes(staff.role)) throw new HttpError('FORBIDDEN', '当前角色无权执行此操作');
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
