/**
 * VIN rules from ISO 3779 / GB 16735: 17 characters from A–Z and 0–9 without I, O and Q,
 * with a check digit in position 9 computed from the transliterated, weighted characters.
 */
const TRANSLITERATION: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/;

function characterValue(character: string): number {
  return /\d/.test(character) ? Number(character) : TRANSLITERATION[character];
}

/** The check digit ('0'–'9' or 'X') that position 9 of this VIN must hold. */
export function vinCheckDigit(vin: string): string {
  const sum = [...vin].reduce((total, character, index) => total + characterValue(character) * WEIGHTS[index], 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function isValidVin(value: string): boolean {
  return VIN_SHAPE.test(value) && value[8] === vinCheckDigit(value);
}

/** Why a VIN (trimmed and upper-cased) is not valid, in words for the person typing it; undefined when it is. */
export function vinProblem(vin: string): string | undefined {
  if (!/^[A-HJ-NPR-Z0-9]*$/.test(vin)) return '车架号（VIN）只含数字和字母，且没有 I、O、Q';
  if (vin.length !== 17) return `车架号（VIN）应为 17 位，当前 ${vin.length} 位`;
  // Every car on file has a valid check digit, so a mismatch is a typo.
  if (vin[8] !== vinCheckDigit(vin)) return '车架号（VIN）校验位不符，请对照行驶证逐位核对';
  return undefined;
}

/** Puts the right check digit into position 9 of a 17-character VIN body (used for seed data). */
export function withVinCheckDigit(vinBody: string): string {
  if (!VIN_SHAPE.test(vinBody)) throw new Error(`Not a VIN body: ${vinBody}`);
  return vinBody.slice(0, 8) + vinCheckDigit(vinBody) + vinBody.slice(9);
}
