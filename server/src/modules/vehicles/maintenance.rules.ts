import { addMonthsToDate, shanghaiDateOf } from '../../core/time/shanghai-time';

/** Without two readings far enough apart, a car is assumed to do the Chinese average: about 12,800 km a year. */
export const DEFAULT_KM_PER_DAY = 35;
/** Readings closer together than this say little about how much the car is driven. */
const MIN_DAYS_FOR_RATE = 30;
/** An item counts as due soon this long (or this many km) before it is due. */
export const DUE_SOON_DAYS = 30;
export const DUE_SOON_KM = 1_000;

export interface MileageReadingPoint {
  km: number;
  readAt: Date;
}

export interface ScheduleRule {
  itemId: number;
  code: string;
  name: string;
  intervalKm: number | null;
  intervalMonths: number | null;
  /** The first service after delivery may come sooner than the regular interval. */
  firstKm: number | null;
  firstMonths: number | null;
}

export interface LastService {
  doneAt: Date;
  km: number;
}

export type DueStatus = 'DUE' | 'DUE_SOON' | 'NOT_DUE';

export interface DueItem {
  itemId: number;
  code: string;
  name: string;
  status: DueStatus;
  dueOn: string | null;
  dueKm: number | null;
  lastDoneOn: string | null;
  lastDoneKm: number | null;
  intervalKm: number | null;
  intervalMonths: number | null;
}

/** Average km per day from the first to the last reading, or the default when they are too close together. */
export function kmPerDay(readings: MileageReadingPoint[]): number {
  if (readings.length < 2) return DEFAULT_KM_PER_DAY;
  const sorted = [...readings].sort((a, b) => a.readAt.getTime() - b.readAt.getTime());
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const days = (last.readAt.getTime() - first.readAt.getTime()) / 86_400_000;
  if (days < MIN_DAYS_FOR_RATE || last.km <= first.km) return DEFAULT_KM_PER_DAY;
  return (last.km - first.km) / days;
}

/**
 * The mileage at `at`, projected from the latest reading at the car's own pace. Never below the latest reading
 * (a projection into the past is the latest reading itself).
 */
export function projectMileage(readings: MileageReadingPoint[], at: Date): number {
  if (readings.length === 0) return 0;
  const latest = readings.reduce((a, b) => (b.readAt.getTime() > a.readAt.getTime() ? b : a));
  const days = Math.max(0, (at.getTime() - latest.readAt.getTime()) / 86_400_000);
  return Math.round(latest.km + kmPerDay(readings) * days);
}

/**
 * What the schedule asks of a car at `at`: each item falls due `interval` after its last service (or after
 * delivery, using the first-service interval), by km or months, whichever comes first.
 */
export function maintenanceDue(
  rules: ScheduleRule[],
  lastServices: Map<number, LastService>,
  car: { deliveredAt: Date; deliveredKm: number; projectedKm: number },
  at: Date,
): DueItem[] {
  const today = shanghaiDateOf(at);
  const soonDate = shanghaiDateOf(new Date(at.getTime() + DUE_SOON_DAYS * 86_400_000));
  return rules.map((rule) => {
    const last = lastServices.get(rule.itemId) ?? null;
    const base = last ?? { doneAt: car.deliveredAt, km: car.deliveredKm };
    const intervalKm = last ? rule.intervalKm : (rule.firstKm ?? rule.intervalKm);
    const intervalMonths = last ? rule.intervalMonths : (rule.firstMonths ?? rule.intervalMonths);
    const dueKm = intervalKm === null ? null : base.km + intervalKm;
    const dueOn = intervalMonths === null ? null : addMonthsToDate(shanghaiDateOf(base.doneAt), intervalMonths);
    const due = (dueKm !== null && car.projectedKm >= dueKm) || (dueOn !== null && today >= dueOn);
    const soon = (dueKm !== null && car.projectedKm >= dueKm - DUE_SOON_KM) || (dueOn !== null && soonDate >= dueOn);
    return {
      itemId: rule.itemId,
      code: rule.code,
      name: rule.name,
      status: due ? 'DUE' : soon ? 'DUE_SOON' : 'NOT_DUE',
      dueOn,
      dueKm,
      lastDoneOn: last ? shanghaiDateOf(last.doneAt) : null,
      lastDoneKm: last ? last.km : null,
      intervalKm: rule.intervalKm,
      intervalMonths: rule.intervalMonths,
    };
  });
}

/** The next thing due by date and the next by mileage (they may be different items). */
export function nextDue(items: DueItem[]): { byDate: { name: string; dueOn: string } | null; byMileage: { name: string; dueKm: number } | null } {
  let byDate: { name: string; dueOn: string } | null = null;
  let byMileage: { name: string; dueKm: number } | null = null;
  for (const item of items) {
    if (item.dueOn !== null && (byDate === null || item.dueOn < byDate.dueOn)) byDate = { name: item.name, dueOn: item.dueOn };
    if (item.dueKm !== null && (byMileage === null || item.dueKm < byMileage.dueKm)) byMileage = { name: item.name, dueKm: item.dueKm };
  }
  return { byDate, byMileage };
}

/** A new reading must not go below the latest one; only a staff correction with a reason may. */
export function mileageProblem(latestKm: number, km: number, correctionReason: string | null | undefined): 'MILEAGE_DECREASING' | null {
  return km < latestKm && !correctionReason ? 'MILEAGE_DECREASING' : null;
}

/** Warranty holds until its end date and its km limit, whichever comes first. */
export function warrantyActive(warranty: { endsOn: string | null; km: number | null }, mileageKm: number, at: Date): boolean {
  if (warranty.endsOn === null && warranty.km === null) return false;
  if (warranty.endsOn !== null && shanghaiDateOf(at) > warranty.endsOn) return false;
  return warranty.km === null || mileageKm <= warranty.km;
}
