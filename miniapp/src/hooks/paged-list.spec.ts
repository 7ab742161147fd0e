import { describe, expect, it } from '@jest/globals';
import { appendPage, hasMorePages } from './paged-list';

const entries = (...ids: number[]) => ids.map((id) => ({ id }));

describe('appendPage', () => {
  it('adds the next page after what is shown', () => {
    expect(appendPage(entries(9, 8), entries(7, 6))).toEqual(entries(9, 8, 7, 6));
  });

  it('keeps an entry once when a newer one pushed it onto the next page', () => {
    expect(appendPage(entries(9, 8), entries(8, 7))).toEqual(entries(9, 8, 7));
  });
});

describe('hasMorePages', () => {
  it('knows more remain while fewer than the total have been asked for', () => {
    expect(hasMorePages({ page: 1, pageSize: 20, total: 21 })).toBe(true);
    expect(hasMorePages({ page: 2, pageSize: 20, total: 40 })).toBe(false);
    expect(hasMorePages({ page: 1, pageSize: 20, total: 0 })).toBe(false);
  });
});
