import { describe, expect, it } from '@jest/globals';
import type { ServiceItem } from '../../../api/service';
import type { DueStatus, MaintenanceDue } from '../../../api/vehicles';
import { labourTextOf, recommendedItemIds } from './recommended-items';

const due = (itemId: number, status: DueStatus): MaintenanceDue => ({
  itemId,
  code: `I${itemId}`,
  name: `项目 ${itemId}`,
  status,
  dueOn: null,
  dueKm: null,
  lastDoneOn: null,
  lastDoneKm: null,
  intervalKm: 10_000,
  intervalMonths: 12,
});

const offered = (id: number): ServiceItem => ({ id, code: `I${id}`, name: `项目 ${id}`, labourHundredths: 50, parts: [] });

describe('recommendedItemIds', () => {
  it('ticks the items that are due or nearly due, not the others', () => {
    const ids = recommendedItemIds([due(1, 'DUE'), due(2, 'DUE_SOON'), due(3, 'NOT_DUE')], [offered(1), offered(2), offered(3)]);
    expect([...ids]).toEqual([1, 2]);
  });

  it('leaves out a due item the workshop no longer offers for the model', () => {
    expect([...recommendedItemIds([due(1, 'DUE'), due(9, 'DUE')], [offered(1)])]).toEqual([1]);
  });
});

describe('labourTextOf', () => {
  it('turns hundredths of an hour into hours', () => {
    expect(labourTextOf({ labourHundredths: 50 })).toBe('标准工时 0.5 小时');
    expect(labourTextOf({ labourHundredths: 120 })).toBe('标准工时 1.2 小时');
  });
});
