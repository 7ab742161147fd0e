import { needsApproval, quoteTotals } from './quotes.rules';

describe('quote maths', () => {
  it('adds options and fees to MSRP and takes off the discount, in fen', () => {
    const totals = quoteTotals(20_000_000, [{ kind: 'OPTION', name: '全景天窗', amountFen: 800_000 }, { kind: 'FEE', name: '上牌费', amountFen: 50_000 }], 1_000_000);
    expect(totals).toEqual({ totalFen: 19_850_000, discountBp: 500 });
  });

  it('rounds the discount share up so a limit cannot be slipped under by a fen', () => {
    expect(quoteTotals(3, [], 1)?.discountBp).toBe(3334);
  });

  it('refuses a discount larger than the car and its options', () => {
    expect(quoteTotals(100, [{ kind: 'FEE', name: 'x', amountFen: 1000 }], 101)).toBeNull();
  });

  it('sends only a consultant\'s discount above the limit for approval', () => {
    expect(needsApproval(true, 501, 500)).toBe(true);
    expect(needsApproval(true, 500, 500)).toBe(false);
    expect(needsApproval(false, 3000, 500)).toBe(false);
  });
});
