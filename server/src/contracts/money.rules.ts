/** Money is integer fen (CNY cents) on the wire and in the database; these are the ways people read and type it, the same in every app. */
export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = FEN_PER_YUAN * 10_000;

/** Thousands separated by commas, by hand: Intl is missing from some WeChat runtimes. */
export function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1_898_000 fen → '¥18,980.00', for prices, bills and work orders. Integer maths, so no floating-point drift. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const cents = String(absolute % FEN_PER_YUAN).padStart(2, '0');
  return `${sign}¥${groupThousands(Math.floor(absolute / FEN_PER_YUAN))}.${cents}`;
}

/** 15_980_000 fen → '¥15.98万', the way car prices are quoted in China. */
export function formatWanYuan(fen: number): string {
  return `¥${(fen / FEN_PER_WAN_YUAN).toFixed(2)}万`;
}

/** A coupon's face value: whole yuan without decimals (6_000 → '¥60'), else as `formatYuan` (6_050 → '¥60.50'). */
export function formatFaceValue(fen: number): string {
  return fen % FEN_PER_YUAN === 0 ? `¥${groupThousands(fen / FEN_PER_YUAN)}` : formatYuan(fen);
}

/** Yuan typed by a person (up to 2 decimals) → fen, without floating-point drift (19.99 → 1999). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * FEN_PER_YUAN);
}

/** 万元 typed by a person → fen (18.5 → 18_500_000). */
export function wanToFen(wan: number): number {
  return Math.round(wan * FEN_PER_WAN_YUAN);
}
