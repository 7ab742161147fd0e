import { Prisma } from '../../generated/prisma/client';
import type { PrismaService } from '../../core/database/prisma.service';

/**
 * What every module's `<domain>.privacy.ts` shares: a module downloads, erases (and, for a WeChat identity
 * that moves, re-files) the rows it keeps about one customer, in the caller's transaction;
 * privacy.service.ts only orchestrates. Erasing is told who the customer is (their names, mobiles and plates,
 * read from every module before anything changed) and which of their records others refer to.
 */
export type PrismaDb = Prisma.TransactionClient | PrismaService;

export const DELETED_NAME = '已注销客户';
export const DELETED_TEXT = '（客户已注销，内容已删除）';
const MASK = '***';

/** How a customer can be recognised in free text others wrote: their names, mobiles and plates. */
export interface CustomerIdentifiers {
  names: string[];
  mobiles: string[];
  plates: string[];
}

/** The customer being erased: who they are, and the ids of their records that other modules' rows point at. */
export interface ErasureSubject {
  customerId: number;
  who: CustomerIdentifiers;
  leadIds: number[];
  vehicleIds: number[];
  taskIds: number[];
}

/** The column with every name replaced by DELETED_NAME and every mobile and plate by MASK (SQL REPLACE). */
export function scrubbed(column: string, { names, mobiles, plates }: CustomerIdentifiers, withNames: boolean): Prisma.Sql {
  let sql = Prisma.raw(`\`${column}\``);
  for (const mobile of mobiles) sql = Prisma.sql`REPLACE(${sql}, ${mobile}, ${MASK})`;
  for (const plate of plates) sql = Prisma.sql`REPLACE(${sql}, ${plate}, ${MASK})`;
  if (withNames) for (const name of names) sql = Prisma.sql`REPLACE(${sql}, ${name}, ${DELETED_NAME})`;
  return sql;
}

/** WHERE the column mentions one of the texts. */
export function mentions(column: string, texts: string[]): Prisma.Sql {
  if (texts.length === 0) return Prisma.sql`FALSE`;
  return Prisma.join(
    texts.map((text) => Prisma.sql`${Prisma.raw(`\`${column}\``)} LIKE CONCAT('%', ${text}, '%')`),
    ' OR ',
  );
}

export const idList = (ids: number[]) => (ids.length > 0 ? Prisma.join(ids) : Prisma.sql`NULL`);

/** What a customer is known by, as written on one module's rows: names and mobiles they gave, plates of their cars. */
export function identifiersFrom(rows: Array<{ name?: string | null; mobile?: string | null; plate?: string | null }>): CustomerIdentifiers {
  return {
    names: rows.flatMap((row) => (row.name ? [row.name] : [])),
    mobiles: rows.flatMap((row) => (row.mobile ? [row.mobile] : [])),
    plates: rows.flatMap((row) => (row.plate ? [row.plate] : [])),
  };
}
