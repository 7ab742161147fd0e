import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { StaffRole } from '../../generated/prisma/enums';
import type { Caller } from './caller';

export const ACCESS_RULE = 'access-rule';

/** Who may call a route. Every route declares exactly one; the AccessGuard refuses routes that declare none. */
export type AccessRule = { kind: 'public' } | { kind: 'customer' } | { kind: 'staff'; roles: StaffRole[] } | { kind: 'signedIn' };

function access(rule: AccessRule, description: string) {
  return applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiExtension('x-access', description),
    ...(rule.kind === 'public' ? [] : [ApiBearerAuth()]),
  );
}

export const Public = () => access({ kind: 'public' }, 'public');
export const CustomerOnly = () => access({ kind: 'customer' }, 'customer');
/** Any signed-in caller, customer or staff of any role (their own session's business: logging out everywhere). */
export const SignedIn = () => access({ kind: 'signedIn' }, 'customer,staff');
/** Staff with one of these roles. */
export const Roles = (...roles: StaffRole[]) => access({ kind: 'staff', roles }, `staff:${roles.join(',')}`);
export const AnyStaff = () => Roles(...Object.values(StaffRole));

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
  if (!request.caller) throw new Error('CurrentCaller used on a route without an authenticated caller');
  return request.caller;
});
