import { normalizePlate, plateProblem } from 'server/contracts/plate.rules';
import { vinProblem } from 'server/contracts/vin.rules';

export { normalizePlate };

export interface BindForm {
  vin: string;
  plate: string;
}

/** As typed (spaces, lower case) → as printed on the registration: 'lsv ae20…' → 'LSVAE20…'. */
export function normalizeVin(input: string): string {
  return input.replace(/\s/g, '').toUpperCase();
}

/** What is wrong with a normalised VIN, in Chinese (the server's own rule), or null. */
export function vinError(vin: string): string | null {
  return vin.length === 0 ? '请输入车架号（VIN）' : (vinProblem(vin) ?? null);
}

/** What is wrong with a normalised plate, in Chinese (the server's own rule), or null. */
export function plateError(plate: string): string | null {
  return plate.length === 0 ? '请输入车牌号' : (plateProblem(plate) ?? null);
}

/** The first thing wrong with the form, or null. */
export function bindFormError({ vin, plate }: BindForm): string | null {
  return vinError(vin) ?? plateError(plate);
}
