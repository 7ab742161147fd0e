import type { ServiceItem } from '../../../api/service';
import type { MaintenanceDue } from '../../../api/vehicles';

/**
 * The jobs to tick before the owner chooses: the car's schedule items that are due or nearly due, among
 * the jobs offered for its model.
 */
export function recommendedItemIds(schedule: MaintenanceDue[], offered: ServiceItem[]): Set<number> {
  const offeredIds = new Set(offered.map((item) => item.id));
  return new Set(
    schedule.filter((due) => due.status !== 'NOT_DUE' && offeredIds.has(due.itemId)).map((due) => due.itemId),
  );
}

/** '标准工时 0.5 小时': labour is kept in hundredths of an hour. */
export function labourTextOf(item: Pick<ServiceItem, 'labourHundredths'>): string {
  return `标准工时 ${(item.labourHundredths / 100).toString()} 小时`;
}
