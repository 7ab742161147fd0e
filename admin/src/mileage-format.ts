/** Odometer readings arrive as whole kilometres; people read them with thousands separators. */

const KM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 12345 → 12,345 km */
export function formatKm(km: number): string {
  return `${KM.format(km)} km`;
}

/** Labour in hundredths of an hour → hours as people say them: 150 → 1.5 h */
export function formatLabourHours(hundredths: number): string {
  return `${(hundredths / 100).toFixed(2).replace(/\.?0+$/, '')} h`;
}
