/**
 * Mainland plates (GA 36): a province abbreviation, the issuing office's letter (no I or O), then either
 * 5 letters or digits (7 characters), or a new-energy plate of 8: an energy letter (A–K, D and F most
 * common) before 5 characters on small cars (沪AD12345), or 5 digits then D/F on large ones (沪A12345D).
 */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const CHARACTER = '[A-HJ-NP-Z0-9]';

export const MAINLAND_PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z](?:${CHARACTER}{5}|[A-HJK]${CHARACTER}{5}|\\d{5}[DF])$`);

/** 沪a·12345 or 沪A 12345 as written on record: 沪A12345. */
export function normalizePlate(plate: string): string {
  return plate.replace(/[\s·.-]/g, '').toUpperCase();
}

export function isMainlandPlate(plate: string): boolean {
  return MAINLAND_PLATE.test(plate);
}

/** Why a normalised plate is not a valid mainland plate, in words for the person typing it; undefined when it is. */
export function plateProblem(plate: string): string | undefined {
  if (!PROVINCES.includes(plate.charAt(0))) return '车牌号应以省份简称开头，如 沪';
  if (plate.length !== 7 && plate.length !== 8) return '车牌号应为 7 位（新能源 8 位）';
  if (!MAINLAND_PLATE.test(plate)) return '车牌号格式不正确，如 沪A12345 或新能源 沪AD12345';
  return undefined;
}
