/**
 * The VIN check the server applies (ISO 3779 / GB 16735): 17 characters from A–Z and 0–9 without
 * I, O and Q, with a check digit in position 9 from the transliterated, weighted characters.
 * Mirrored here so a mistyped VIN is caught while the consultant is still at the car.
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

function checkDigit(vin: string): string {
  const sum = [...vin].reduce((total, character, index) => total + characterValue(character) * WEIGHTS[index], 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Why a VIN (already trimmed and upper-cased) is not valid, or undefined when it is. */
export function vinProblem(vin: string): string | undefined {
  if (vin.length !== 17) return 'VIN 应为 17 位';
  if (!VIN_SHAPE.test(vin)) return 'VIN 只能包含数字和字母（不含 I、O、Q）';
  if (vin[8] !== checkDigit(vin)) return 'VIN 校验位不正确，请核对';
  return undefined;
}
