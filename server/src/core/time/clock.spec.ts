import { ControlledClock } from './clock';

describe('ControlledClock', () => {
  it('stands still at speed 0 and runs faster at a higher speed', async () => {
    const clock = new ControlledClock(new Date('2026-01-01T00:00:00Z'), 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.set(new Date('2026-02-01T00:00:00Z'), 3600);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = clock.now().getTime() - Date.parse('2026-02-01T00:00:00Z');
    expect(elapsed).toBeGreaterThanOrEqual(3600 * 40);
    expect(elapsed).toBeLessThan(3600 * 2000);
  });
});
