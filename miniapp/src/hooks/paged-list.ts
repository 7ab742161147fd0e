import type { Page } from '../api/page';

/**
 * What is shown with the next page added. The list is newest first and paged by offset, so an entry written
 * meanwhile (a redemption, points earned) pushes older ones down a place, and the next page repeats the last
 * one shown: it is kept once.
 */
export function appendPage<Item extends { id: number }>(shown: readonly Item[], next: readonly Item[]): Item[] {
  const seen = new Set(shown.map((item) => item.id));
  return [...shown, ...next.filter((item) => !seen.has(item.id))];
}

/** Whether pages remain after this one. */
export function hasMorePages({ page, pageSize, total }: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'>): boolean {
  return page * pageSize < total;
}
