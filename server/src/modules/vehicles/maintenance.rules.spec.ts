import { kmPerDay, maintenanceDue, mileageProblem, nextDue, projectMileage, ScheduleRule, warrantyActive, DEFAULT_KM_PER_DAY } from './maintenance.rules';

const day = (iso: string) => new Date(`${iso}T04:00:00Z`);
const rule = (itemId: number, name: string, intervalKm: number | null, intervalMonths: number | null, first: { km?: number; months?: number } = {}): ScheduleRule => ({
  itemId,
  code: name.toUpperCase(),
  name,
  intervalKm,
  intervalMonths,
  firstKm: first.km ?? null,
  firstMonths: first.months ?? null,
});

const OIL = rule(1, 'oil', 10_000, 12, { km: 5_000, months: 6 });
const BRAKE_FLUID = rule(2, 'brake-fluid', 40_000, 24);
const BATTERY_CHECK = rule(3, 'battery-check', null, 12);

describe('mileage projection', () => {
  it('uses the car’s own pace between the first and the last reading', () => {
    const readings = [
      { km: 0, readAt: day('2026-01-01') },
      { km: 10_000, readAt: day('2026-05-11') }, // 130 days: 76.9 km/day
    ];
    expect(kmPerDay(readings)).toBeCloseTo(10_000 / 130, 5);
    expect(projectMileage(readings, day('2026-06-10'))).toBe(Math.round(10_000 + (10_000 / 130) * 30));
  });

  it('falls back to the average pace with a single reading or readings days apart', () => {
    expect(kmPerDay([{ km: 500, readAt: day('2026-01-01') }])).toBe(DEFAULT_KM_PER_DAY);
    expect(kmPerDay([{ km: 0, readAt: day('2026-01-01') }, { km: 900, readAt: day('2026-01-05') }])).toBe(DEFAULT_KM_PER_DAY);
    expect(projectMileage([{ km: 500, readAt: day('2026-01-01') }], day('2026-01-11'))).toBe(500 + 10 * DEFAULT_KM_PER_DAY);
  });

  it('never projects below the latest reading', () => {
    expect(projectMileage([{ km: 8_000, readAt: day('2026-05-01') }], day('2026-04-01'))).toBe(8_000);
    expect(projectMileage([], day('2026-04-01'))).toBe(0);
  });
});

describe('maintenance recommendation', () => {
  const delivered = { deliveredAt: day('2026-01-10'), deliveredKm: 0 };

  it.each([
    // [case, projected km, at, last oil change, expected oil status, oil due date, oil due km]
    ['new car, far from the first service', 1_000, '2026-03-01', null, 'NOT_DUE', '2026-07-10', 5_000],
    ['first service by mileage', 5_000, '2026-03-01', null, 'DUE', '2026-07-10', 5_000],
    ['first service soon by mileage (within 1,000 km)', 4_100, '2026-03-01', null, 'DUE_SOON', '2026-07-10', 5_000],
    ['first service by time (6 months) at low mileage', 2_000, '2026-07-10', null, 'DUE', '2026-07-10', 5_000],
    ['first service soon by time (within 30 days)', 2_000, '2026-06-15', null, 'DUE_SOON', '2026-07-10', 5_000],
    ['after a service, the regular interval counts from it', 12_000, '2026-09-01', { doneAt: day('2026-07-01'), km: 5_200 }, 'NOT_DUE', '2027-07-01', 15_200],
    ['after a service, due again by mileage', 15_300, '2026-12-01', { doneAt: day('2026-07-01'), km: 5_200 }, 'DUE', '2027-07-01', 15_200],
  ] as const)('%s', (_case, projectedKm, at, last, status, dueOn, dueKm) => {
    const lastServices = new Map(last ? [[OIL.itemId, last]] : []);
    const [oil] = maintenanceDue([OIL], lastServices, { ...delivered, projectedKm }, day(at));
    expect(oil).toMatchObject({ status, dueOn, dueKm, lastDoneKm: last?.km ?? null });
  });

  it('counts a car’s age: brake fluid falls due at 24 months even at low mileage', () => {
    const items = maintenanceDue([BRAKE_FLUID], new Map(), { ...delivered, projectedKm: 15_000 }, day('2028-01-10'));
    expect(items[0]).toMatchObject({ status: 'DUE', dueOn: '2028-01-10', dueKm: 40_000 });
  });

  it('handles items due only by time (a battery check)', () => {
    const [check] = maintenanceDue([BATTERY_CHECK], new Map(), { ...delivered, projectedKm: 80_000 }, day('2026-06-01'));
    expect(check).toMatchObject({ status: 'NOT_DUE', dueKm: null, dueOn: '2027-01-10' });
  });

  it('starts from the delivery mileage of a car delivered with km on it', () => {
    const [oil] = maintenanceDue([OIL], new Map(), { deliveredAt: day('2026-01-10'), deliveredKm: 30_000, projectedKm: 31_000 }, day('2026-02-01'));
    expect(oil.dueKm).toBe(35_000);
  });

  it('names the next item due by date and by mileage', () => {
    const items = maintenanceDue([OIL, BRAKE_FLUID, BATTERY_CHECK], new Map(), { ...delivered, projectedKm: 1_000 }, day('2026-02-01'));
    expect(nextDue(items)).toEqual({ byDate: { name: 'oil', dueOn: '2026-07-10' }, byMileage: { name: 'oil', dueKm: 5_000 } });
    expect(nextDue([])).toEqual({ byDate: null, byMileage: null });
  });
});

describe('mileage readings and warranty', () => {
  it('refuses a lower reading unless it is a correction with a reason', () => {
    expect(mileageProblem(10_000, 9_000, null)).toBe('MILEAGE_DECREASING');
    expect(mileageProblem(10_000, 9_000, '上次录入多打一个 0')).toBeNull();
    expect(mileageProblem(10_000, 10_000, null)).toBeNull();
  });

  it('ends the warranty at the date or the km limit, whichever comes first', () => {
    const warranty = { endsOn: '2029-01-10', km: 100_000 };
    expect(warrantyActive(warranty, 50_000, day('2027-01-01'))).toBe(true);
    expect(warrantyActive(warranty, 100_001, day('2027-01-01'))).toBe(false);
    expect(warrantyActive(warranty, 50_000, day('2029-01-11'))).toBe(false);
    expect(warrantyActive({ endsOn: null, km: null }, 0, day('2027-01-01'))).toBe(false);
  });
});
