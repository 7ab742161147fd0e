import { isMainlandPlate, normalizePlate, plateProblem } from './plate.rules';

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

describe('what a person typing a plate is told', () => {
  it('names the first thing wrong, and nothing for a valid plate', () => {
    expect(plateProblem('AA12345')).toBe('车牌号应以省份简称开头，如 沪');
    expect(plateProblem('沪A123')).toBe('车牌号应为 7 位（新能源 8 位）');
    expect(plateProblem('沪I12345')).toBe('车牌号格式不正确，如 沪A12345 或新能源 沪AD12345');
    expect(plateProblem('沪AD12345')).toBeUndefined();
  });
});
