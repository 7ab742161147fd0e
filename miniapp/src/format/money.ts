const FEN_PER_WAN_YUAN = 100 * 10_000;

/** 15_980_000 fen → '¥15.98万', the way car prices are quoted in China. */
export function formatWanYuan(fen: number): string {
  return `¥${(fen / FEN_PER_WAN_YUAN).toFixed(2)}万`;
}
