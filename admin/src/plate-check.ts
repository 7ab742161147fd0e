/**
 * The plate check the server applies (server/src/modules/vehicles/plate.rules.ts): a province
 * abbreviation, the issuing office's letter (no I or O), then 5 letters or digits (7 characters in
 * all) or a new-energy plate of 8 (沪AD12345, or 沪A12345D on large vehicles). Mirrored here so a
 * mistyped plate is caught in the form.
 */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const CHARACTER = '[A-HJ-NP-Z0-9]';

export const platePattern = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z](?:${CHARACTER}{5}|[A-HJK]${CHARACTER}{5}|\\d{5}[DF])$`);

/** What people type (沪a·12345, 沪A 12345) as the plate is written on record: 沪A12345. */
export function normalizePlate(plate: string): string {
  return plate.replace(/[\s·.-]/g, '').toUpperCase();
}

/** Why a normalised plate is not a valid mainland plate, or undefined when it is. */
export function plateProblem(plate: string): string | undefined {
  if (!PROVINCES.includes(plate.charAt(0))) return '车牌号应以省份简称开头，如 沪';
  if (plate.length !== 7 && plate.length !== 8) return '车牌号应为 7 位（新能源 8 位）';
  if (!platePattern.test(plate)) return '车牌号格式不正确，如 沪A12345 或新能源 沪AD12345';
  return undefined;
}
