import { formatFaceValue, formatWanYuan, formatYuan, wanToFen, yuanToFen } from './money.rules';

describe('formatWanYuan', () => {
  it('quotes a price in 万元 with two decimals', () => {
    expect(formatWanYuan(18_980_000)).toBe('¥18.98万');
  });

  it('keeps trailing zeros so prices line up', () => {
    expect(formatWanYuan(20_000_000)).toBe('¥20.00万');
  });
});

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(123_450)).toBe('¥1,234.50');
    expect(formatYuan(100_000_000)).toBe('¥1,000,000.00');
  });

  it('shows small and zero amounts with their leading zero', () => {
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
  });

  it('writes a negative amount with a leading minus', () => {
    expect(formatYuan(-123_450)).toBe('-¥1,234.50');
  });
});

describe('formatFaceValue', () => {
  it('shows a coupon worth whole yuan without decimals', () => {
    expect(formatFaceValue(6_000)).toBe('¥60');
    expect(formatFaceValue(100_000)).toBe('¥1,000');
  });

  it('keeps the fen when there are any', () => {
    expect(formatFaceValue(6_050)).toBe('¥60.50');
  });
});

describe('typed money', () => {
  it('turns typed yuan and 万元 into fen without floating-point drift', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(wanToFen(18.5)).toBe(18_500_000);
  });
});
