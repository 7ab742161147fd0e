import { shanghaiDateOf } from './shanghai-time';

/** The earliest birthday the picker offers. */
export const BIRTHDAY_PICKER_START = '1920-01-01';
/** Where the picker opens when no birthday is on file: a likely year for a car owner, not today. */
const BIRTHDAY_PICKER_DEFAULT = '1990-01-01';

/** '1990-05-20' → '1990年5月20日'; a birthday is a calendar date, so no time zone applies. */
export function birthdayText(birthday: string): string {
  const [year, month, day] = birthday.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The date the picker opens on. */
export function birthdayPickerValue(birthday: string | null): string {
  return birthday ?? BIRTHDAY_PICKER_DEFAULT;
}

/** The latest birthday the picker offers: today in Shanghai (the server refuses a later one). */
export function latestBirthday(now: Date): string {
  return shanghaiDateOf(now);
}
