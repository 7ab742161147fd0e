// Money is integer fen everywhere; these are the ways it is written for people, the same in every app.

const FEN_PER_YUAN = 100;
const FEN_PER_WAN_YUAN = FEN_PER_YUAN * 10_000;

/** 15_980_000 fen → '¥15.98万', the way car prices are quoted in China. */
export function formatWanYuan(fen: number): string {
  return `¥${(fen / FEN_PER_WAN_YUAN).toFixed(2)}万`;
}

/** Thousands separated by commas, by hand: Intl is missing from some WeChat runtimes. */
export function groupThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123_450 fen → '¥1,234.50', for bills and work orders. Integer maths, so no floating-point drift. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const absolute = Math.abs(fen);
  const cents = String(absolute % FEN_PER_YUAN).padStart(2, '0');
  return `${sign}¥${groupThousands(Math.floor(absolute / FEN_PER_YUAN))}.${cents}`;
}

/** A coupon's face value: whole yuan without decimals (6_000 → '¥60'), else as `formatYuan` (6_050 → '¥60.50'). */
export function formatFaceValue(fen: number): string {
  return fen % FEN_PER_YUAN === 0 ? `¥${groupThousands(fen / FEN_PER_YUAN)}` : formatYuan(fen);
}
