import { segmentWhere, storedSegmentFilter } from './segments.rules';

describe('stored segment filters', () => {
  it('reads a saved filter that passes the contract', () => {
    expect(storedSegmentFilter({ tiers: ['GOLD'], vehicleAgeMonths: { min: 36 } })).toEqual({ tiers: ['GOLD'], vehicleAgeMonths: { min: 36 } });
  });

  it('reads a filter saved before the bounds (2^31 months, days) or not an object at all as null instead of failing', () => {
    expect(storedSegmentFilter({ vehicleAgeMonths: { max: 2 ** 31 } })).toBeNull();
    expect(storedSegmentFilter({ daysSinceLastService: { min: 2 ** 31 } })).toBeNull();
    expect(storedSegmentFilter('garbage')).toBeNull();
    expect(storedSegmentFilter(null)).toBeNull();
  });

  it('turns the largest allowed ranges into valid dates', () => {
    const where = segmentWhere({ vehicleAgeMonths: { min: 1_200, max: 1_200 }, daysSinceLastService: { min: 36_500, max: 36_500 } }, new Date('2026-12-07T00:00:00Z'));
    const dates = JSON.stringify(where).match(/\d{4}-\d\d-\d\dT[^"]+/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => !Number.isNaN(new Date(date).getTime()))).toBe(true);
  });
});
