import { isMainlandPlate, normalizePlate } from './plate.rules';

describe('mainland plates', () => {
  it('accepts ordinary 7-character plates and both 8-character new-energy forms', () => {
    for (const plate of ['沪A12345', '浙AB1234', '沪AD12345', '粤BF1A234', '沪AK12345', '沪A12345D', '京A12345F']) {
      expect(isMainlandPlate(plate)).toBe(true);
    }
  });

  it('refuses a missing province, I or O, and wrong lengths', () => {
    for (const plate of ['AB12345', '沪I12345', '沪A1234O', '沪A1234', '沪A1234567', '沪AL12345']) {
      expect(isMainlandPlate(plate)).toBe(false);
    }
  });

  it('normalises what people type', () => {
    expect(normalizePlate('沪a·d 12345')).toBe('沪AD12345');
  });
});
