import type { Redemption } from '../api/loyalty';

// What 积分商城 hands to the result page: the redemption with its coupon. The API has no way to read one
// redemption back, so after an H5 reload the result page finds nothing and points to 我的券 instead.

let lastRedemption: Redemption | null = null;

export function handOverRedemption(redemption: Redemption): void {
  lastRedemption = redemption;
}

export function handedOverRedemption(redemptionId: number): Redemption | null {
  return lastRedemption?.id === redemptionId ? lastRedemption : null;
}
