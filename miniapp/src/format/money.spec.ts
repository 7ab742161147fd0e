import { describe, expect, it } from '@jest/globals';
import { formatWanYuan } from './money';

describe('formatWanYuan', () => {
  it('quotes a price in 万元 with two decimals', () => {
    expect(formatWanYuan(18_980_000)).toBe('¥18.98万');
  });

  it('keeps trailing zeros so prices line up', () => {
    expect(formatWanYuan(20_000_000)).toBe('¥20.00万');
  });
});
