import { formatKm } from '../../../format/vehicle';

const MAX_KM = 2_000_000;

/** What is wrong with an odometer reading typed by the owner, in Chinese, or null. */
export function mileageError(typed: string, lastKm: number): string | null {
  if (typed.length === 0) return '请输入仪表盘显示的总里程';
  if (!/^\d+$/.test(typed)) return '里程只能是整数公里';
  const km = Number(typed);
  if (km > MAX_KM) return '里程数过大，请核对';
  if (km < lastKm) return `里程不能低于上次记录的 ${formatKm(lastKm)}`;
  return null;
}
