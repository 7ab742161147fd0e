import { describe, expect, it } from '@jest/globals';
import { bindFormError, normalizePlate, normalizeVin, plateError, vinError } from './bind-form';

// 1M8GDM9AXKP042788 is the worked example of ISO 3779's check digit (X in position 9).
const VALID_VIN = '1M8GDM9AXKP042788';

describe('vinError', () => {
  it('accepts a VIN whose check digit is right', () => {
    expect(vinError(VALID_VIN)).toBeNull();
  });

  it('asks for the VIN when the field is empty', () => {
    expect(vinError('')).toBe('请输入车架号（VIN）');
  });

  it('counts the characters typed so far', () => {
    expect(vinError('LSVAE20A0RS')).toBe('车架号（VIN）应为 17 位，当前 11 位');
  });

  it('refuses I, O and Q, which are never used in a VIN', () => {
    expect(vinError('1M8GDM9AXKP04278O')).toBe('车架号（VIN）只含数字和字母，且没有 I、O、Q');
  });

  it('catches a single mistyped character through the check digit', () => {
    expect(vinError('1M8GDM9AXKP042789')).toBe('车架号（VIN）校验位不符，请对照行驶证逐位核对');
  });
});

describe('plateError', () => {
  it.each(['沪A12345', '沪AD12345', '沪A12345D', '京N8P8F8'])('accepts %s', (plate) => {
    expect(plateError(plate)).toBeNull();
  });

  it('asks for the province first', () => {
    expect(plateError('A12345')).toBe('车牌号应以省份简称开头，如 沪');
  });

  it('refuses a plate of the wrong length', () => {
    expect(plateError('沪A1234')).toBe('车牌号应为 7 位（新能源 8 位）');
  });

  it('refuses the letters I and O, which plates do not use', () => {
    expect(plateError('沪A1234O')).toBe('车牌号格式不正确，如 沪A12345 或新能源 沪AD12345');
  });
});

describe('normalising what the owner typed', () => {
  it('upper-cases a VIN and drops spaces', () => {
    expect(normalizeVin(' 1m8gdm9axk p042788')).toBe(VALID_VIN);
  });

  it('writes a plate as on record', () => {
    expect(normalizePlate('沪a·123 45')).toBe('沪A12345');
  });
});

describe('bindFormError', () => {
  it('checks the VIN before the plate', () => {
    expect(bindFormError({ vin: '', plate: '' })).toBe('请输入车架号（VIN）');
    expect(bindFormError({ vin: VALID_VIN, plate: '' })).toBe('请输入车牌号');
    expect(bindFormError({ vin: VALID_VIN, plate: '沪A12345' })).toBeNull();
  });
});
