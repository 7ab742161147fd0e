import { useCallback, useRef } from 'react';
import { outcomeUnknown } from '../api/api-error';
import { newIdempotencyKey } from '../api/idempotency-key';
import {
  getMyPoints,
  getMyReferrals,
  listMyCoupons,
  listMyPointsEntries,
  listRewards,
  redeemReward,
  type Coupon,
  type MyReferrals,
  type PointsSummary,
  type Redemption,
} from '../api/loyalty';
import { usePagedResource } from './use-paged-resource';
import { useShownResource } from './use-shown-resource';
import { useSingleFlight } from './use-single-flight';

const NO_COUPONS: Coupon[] = [];

/** Balance, tier and expiring points; loaded only when `enabled` (signed in), re-read when the page shows again. */
export function useMyPoints(enabled: boolean) {
  const load = useCallback(() => (enabled ? getMyPoints() : Promise.resolve<PointsSummary | undefined>(undefined)), [enabled]);
  return useShownResource(load);
}

/** The points history, newest first, a page at a time. */
export function usePointsEntries(enabled: boolean) {
  return usePagedResource(enabled ? listMyPointsEntries : null);
}

/** The rewards on offer; re-read when the page shows again, as stock goes down. */
export function useRewards() {
  return useShownResource(listRewards);
}

export function useMyCoupons(enabled: boolean) {
  const load = useCallback(() => (enabled ? listMyCoupons() : Promise.resolve(NO_COUPONS)), [enabled]);
  return useShownResource(load);
}

/** The share code, the reward, and the friends referred, newest first; re-read when the page shows again. */
export function useMyReferrals(enabled: boolean) {
  const load = useCallback(() => (enabled ? getMyReferrals() : Promise.resolve<MyReferrals | undefined>(undefined)), [enabled]);
  return useShownResource(load);
}

/**
 * Redeeming in 积分商城. Each confirm sends its own Idempotency-Key, and the client's network retry sends it
 * again. When an attempt ends without a definite answer (lost on the network, a gateway error), the points may
 * already be spent: confirming the same reward again keeps that key, so the server answers with the first
 * redemption rather than making a second. `run` drops a second tap while one attempt is in flight.
 */
export function useRedeemReward() {
  const { busy, run } = useSingleFlight();
  const unsettled = useRef<{ rewardId: number; key: string } | null>(null);

  const redeem = useCallback(async (rewardId: number): Promise<Redemption> => {
    const key = unsettled.current?.rewardId === rewardId ? unsettled.current.key : newIdempotencyKey();
    unsettled.current = { rewardId, key };
    try {
      const redemption = await redeemReward(rewardId, key);
      unsettled.current = null;
      return redemption;
    } catch (error) {
      if (!outcomeUnknown(error)) unsettled.current = null;
      throw error;
    }
  }, []);

  return { busy, run, redeem };
}
