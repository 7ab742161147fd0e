// How a 0–10 "would you recommend us" answer is read, the same in the reports and on the customer's phone.

/** An answer of 6 or less is a detractor: it opens a complaint for the store manager. */
export const DETRACTOR_MAX = 6;
/** An answer of 9 or 10 is a promoter. */
export const PROMOTER_MIN = 9;

export function isDetractor(nps: number): boolean {
  return nps <= DETRACTOR_MAX;
}

export function isPromoter(nps: number): boolean {
  return nps >= PROMOTER_MIN;
}
