import { formatYuan, wanToFen, yuanToFen } from './money.rules';

describe('money rules', () => {
  it('writes fen as yuan with thousands and two decimals, negatives with a leading minus', () => {
    expect(formatYuan(1_898_000)).toBe('¥18,980.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-123_450)).toBe('-¥1,234.50');
  });

  it('turns typed yuan and 万元 into fen without floating-point drift', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(wanToFen(18.5)).toBe(18_500_000);
  });
});
