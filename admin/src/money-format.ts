import { FEN_PER_WAN_YUAN, formatYuan } from 'server/contracts/money.rules';

/** Money arrives and leaves as integer fen (CNY cents); people read yuan or 万元 (server/contracts/money.rules). */
export { wanToFen, yuanToFen } from 'server/contracts/money.rules';

const WAN = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** 1898000 → ¥18,980.00 */
export const formatFen: (fen: number) => string = formatYuan;

/** 18980000 → 18.98万 (for budgets and prices where yuan precision is noise). */
export function formatFenAsWan(fen: number): string {
  return `${WAN.format(fen / FEN_PER_WAN_YUAN)}万`;
}

/** A budget range in 万, open on either side. */
export function formatBudget(minFen: number | null, maxFen: number | null): string {
  if (minFen === null && maxFen === null) return '—';
  if (minFen === null) return `${formatFenAsWan(maxFen!)}以内`;
  if (maxFen === null) return `${formatFenAsWan(minFen)}以上`;
  if (minFen === maxFen) return formatFenAsWan(minFen);
  return `${WAN.format(minFen / FEN_PER_WAN_YUAN)}–${formatFenAsWan(maxFen)}`;
}

/** Basis points as a percentage: 525 → 5.25% */
export function formatBasisPoints(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}
