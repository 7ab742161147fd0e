import { useMemo } from 'react';
import { listTiers, MEMBER_TIER_LABELS, MEMBER_TIERS, type MemberTier, type TierRule } from '../../api/loyalty';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';

/**
 * The tiers as configured in 会员等级, and each tier's name: a renamed tier reads the same in the list,
 * the filter and the tags. Until the tiers load (or if they fail) the seeded names stand in.
 */
export function useTierNames(): { tiers: RemoteData<TierRule[]>; nameOf: (tier: MemberTier) => string } {
  const tiers = useRemoteData(listTiers);
  const names = useMemo(() => {
    const configured = new Map(tiers.data?.map((rule) => [rule.tier, rule.name]));
    return Object.fromEntries(MEMBER_TIERS.map((tier) => [tier, configured.get(tier) ?? MEMBER_TIER_LABELS[tier]])) as Record<MemberTier, string>;
  }, [tiers.data]);
  return { tiers, nameOf: (tier) => names[tier] };
}
