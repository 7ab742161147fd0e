/** Points are whole numbers; people read them with thousands separators. */

const POINTS = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 12345 → 12,345 */
export function formatPoints(points: number): string {
  return POINTS.format(points);
}

/** A ledger movement with its sign: 1000 → +1,000, -2000 → -2,000. */
export function formatSignedPoints(points: number): string {
  return `${points > 0 ? '+' : points < 0 ? '-' : ''}${POINTS.format(Math.abs(points))}`;
}

/** An earning multiplier in percent as people say it: 125 → ×1.25, 100 → ×1.00. */
export function formatMultiplier(percent: number): string {
  return `×${(percent / 100).toFixed(2)}`;
}
