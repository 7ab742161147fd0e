/** True when Prisma refused a write because a unique key already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}
