/** Money arrives and leaves as integer fen (CNY cents); people read yuan or 万元. */

const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 1898000 → ¥18,980.00 */
export function formatFen(fen: number): string {
  return `${fen < 0 ? '-' : ''}¥${YUAN.format(Math.abs(fen) / 100)}`;
}

/** 189800000 → 18.98万 (for budgets and prices where yuan precision is noise). */
export function formatFenAsWan(fen: number): string {
  return `${WAN.format(fen / 1_000_000)}万`;
}

/** A budget range in 万, open on either side. */
export function formatBudget(minFen: number | null, maxFen: number | null): string {
  if (minFen === null && maxFen === null) return '—';
  if (minFen === null) return `${formatFenAsWan(maxFen!)}以内`;
  if (maxFen === null) return `${formatFenAsWan(minFen)}以上`;
  if (minFen === maxFen) return formatFenAsWan(minFen);
  return `${WAN.format(minFen / 1_000_000)}–${formatFenAsWan(maxFen)}`;
}

/** Basis points as a percentage: 525 → 5.25% */
export function formatBasisPoints(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** Yuan typed by a person (up to 2 decimals) → fen, without floating-point drift (19.99 → 1999). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 万元 typed by a person → fen (18.5 → 185000000). */
export function wanToFen(wan: number): number {
  return Math.round(wan * 1_000_000);
}
