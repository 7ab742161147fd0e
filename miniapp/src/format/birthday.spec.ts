import { describe, expect, it } from '@jest/globals';
import { birthdayPickerValue, birthdayText, latestBirthday } from './birthday';

describe('birthday', () => {
  it('reads a calendar date in Chinese, without leading zeros', () => {
    expect(birthdayText('1990-05-02')).toBe('1990年5月2日');
  });

  it('opens the picker on the birthday on file, else on a likely year', () => {
    expect(birthdayPickerValue('1985-10-01')).toBe('1985-10-01');
    expect(birthdayPickerValue(null)).toBe('1990-01-01');
  });

  it('offers no day after today in Shanghai', () => {
    expect(latestBirthday(new Date('2026-11-25T17:00:00.000Z'))).toBe('2026-11-26');
  });
});
