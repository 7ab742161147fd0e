import { describe, expect, it } from '@jest/globals';
import { mileageError } from './mileage-form';

describe('mileageError', () => {
  it('accepts a whole number of kilometres at or above the last reading', () => {
    expect(mileageError('12000', 12_000)).toBeNull();
    expect(mileageError('12500', 12_000)).toBeNull();
  });

  it('asks for a reading when the field is empty', () => {
    expect(mileageError('', 0)).toBe('请输入仪表盘显示的总里程');
  });

  it('refuses fractions', () => {
    expect(mileageError('12000.5', 0)).toBe('里程只能是整数公里');
  });

  it('refuses a reading below the last one, naming it', () => {
    expect(mileageError('9000', 12_000)).toBe('里程不能低于上次记录的 12,000 公里');
  });
});
