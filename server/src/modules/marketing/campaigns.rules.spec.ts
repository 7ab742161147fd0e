import { isHeldOut, rate, uplift } from './campaigns.rules';

describe('campaign holdout', () => {
  it('holds out about the chosen share, the same members every time', () => {
    const held = Array.from({ length: 10_000 }, (_, index) => isHeldOut(7, index + 1, 20)).filter(Boolean).length;
    expect(held).toBeGreaterThan(1_800);
    expect(held).toBeLessThan(2_200);
    expect(isHeldOut(7, 42, 20)).toBe(isHeldOut(7, 42, 20));
    expect(Array.from({ length: 1000 }, (_, index) => isHeldOut(7, index, 0)).some(Boolean)).toBe(false);
  });

  it('reports uplift in percentage points, none without a holdout', () => {
    expect(rate(15, 100)).toBe(15);
    expect(uplift(15, 10, 50)).toBe(5);
    expect(uplift(15, 0, 0)).toBeNull();
  });
});
