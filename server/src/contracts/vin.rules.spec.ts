import fc from 'fast-check';
import { isValidVin, vinCheckDigit, vinProblem, withVinCheckDigit } from './vin.rules';

describe('VIN rules', () => {
  it('accepts a VIN whose check digit matches (the ISO 3779 worked example)', () => {
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
  });

  it('refuses a VIN with a wrong check digit', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
  });

  it('refuses the letters I, O and Q and any length but 17', () => {
    expect(isValidVin('1M8GDM9AXKP04278I')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP0427O8')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP0427888')).toBe(false);
  });

  it('refuses lower-case input so callers normalise first', () => {
    expect(isValidVin('1m8gdm9axkp042788')).toBe(false);
  });

  it('computes a valid VIN from a body', () => {
    const vin = withVinCheckDigit('LSVAB2BM0PN123456');
    expect(isValidVin(vin)).toBe(true);
  });
});

describe('VIN check digit properties', () => {
  const vinCharacter = fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789');
  const vinBody = fc.array(vinCharacter, { minLength: 17, maxLength: 17 }).map((characters) => characters.join(''));

  it('accepts every VIN built with its check digit', () => {
    fc.assert(fc.property(vinBody, (body) => isValidVin(withVinCheckDigit(body))));
  });

  it('refuses every other character in the check-digit position', () => {
    fc.assert(
      fc.property(vinBody, fc.constantFrom(...'0123456789X'), (body, digit) => {
        const vin = withVinCheckDigit(body);
        const altered = vin.slice(0, 8) + digit + vin.slice(9);
        return digit === vin[8] || !isValidVin(altered);
      }),
    );
  });
});

describe('what a person typing a VIN is told', () => {
  it('names the first thing wrong, and nothing for a valid VIN', () => {
    expect(vinProblem('LSVAU2180N21')).toBe('车架号（VIN）应为 17 位，当前 12 位');
    expect(vinProblem('LSVAU2I80N2183294')).toBe('车架号（VIN）只含数字和字母，且没有 I、O、Q');
    const valid = withVinCheckDigit('LSVAU2180N2183294');
    expect(vinProblem(valid)).toBeUndefined();
    expect(vinProblem(valid.slice(0, 8) + (valid[8] === '1' ? '2' : '1') + valid.slice(9))).toBe('车架号（VIN）校验位不符，请对照行驶证逐位核对');
  });
});
