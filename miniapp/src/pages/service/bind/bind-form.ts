// The VIN and plate rules the server holds (server/src/modules/vehicles/vin.rules.ts, plate.rules.ts),
// mirrored so a mistyped character is caught on the phone, with a message saying which.

const VIN_LENGTH = 17;
/** ISO 3779 / GB 16735: A–Z and 0–9 without I, O and Q, which read like 1 and 0. */
const VIN_CHARACTERS = /^[A-HJ-NPR-Z0-9]+$/;
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Mainland plates (GA 36): province, office letter, then 5 characters, or a new-energy plate of 8. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_CHARACTER = '[A-HJ-NP-Z0-9]';
const MAINLAND_PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z](?:${PLATE_CHARACTER}{5}|[A-HJK]${PLATE_CHARACTER}{5}|\\d{5}[DF])$`);

export interface BindForm {
  vin: string;
  plate: string;
}

/** As typed (spaces, lower case) → as printed on the registration: 'lsv ae20…' → 'LSVAE20…'. */
export function normalizeVin(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/** 沪a·12345 or 沪A 12345 → 沪A12345. */
export function normalizePlate(input: string): string {
  return input.replace(/[\s·.-]/g, '').toUpperCase();
}

function vinCheckDigit(vin: string): string {
  const sum = [...vin].reduce((total, character, index) => {
    const value = /\d/.test(character) ? Number(character) : TRANSLITERATION[character];
    return total + value * WEIGHTS[index];
  }, 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** What is wrong with a normalised VIN, in Chinese, or null. */
export function vinError(vin: string): string | null {
  if (vin.length === 0) return '请输入车架号（VIN）';
  if (!VIN_CHARACTERS.test(vin)) return '车架号只含数字和字母，且没有 I、O、Q';
  if (vin.length !== VIN_LENGTH) return `车架号应为 17 位，当前 ${vin.length} 位`;
  // Every car on file has a valid check digit, so a mismatch is a typo.
  if (vin[8] !== vinCheckDigit(vin)) return '车架号有误，请对照行驶证逐位核对';
  return null;
}

/** What is wrong with a normalised plate, in Chinese, or null. */
export function plateError(plate: string): string | null {
  if (plate.length === 0) return '请输入车牌号';
  if (!PROVINCES.includes(plate.charAt(0))) return '车牌号应以省份简称开头，如 沪';
  if (plate.length !== 7 && plate.length !== 8) return '车牌号应为 7 位（新能源 8 位）';
  if (!MAINLAND_PLATE.test(plate)) return '车牌号格式不正确，如 沪A12345 或新能源 沪AD12345';
  return null;
}

/** The first thing wrong with the form, or null. */
export function bindFormError({ vin, plate }: BindForm): string | null {
  return vinError(vin) ?? plateError(plate);
}
