import type { Prisma } from '../../generated/prisma/client';

/** Members: customers who signed up in the mini-program, own a car, or hold points. */
export const MEMBER_WHERE: Prisma.CustomerWhereInput = { OR: [{ consentAt: { not: null } }, { becameOwnerAt: { not: null } }, { pointsAccount: { isNot: null } }] };
