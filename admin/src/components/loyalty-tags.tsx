import type { CSSProperties } from 'react';
import { Tag } from 'antd';
import {
  COUPON_STATUS_LABELS,
  MEMBER_TIER_LABELS,
  POINTS_ENTRY_TYPE_LABELS,
  REWARD_KIND_LABELS,
  type CouponStatus,
  type MemberTier,
  type PointsEntryType,
  type RewardKind,
} from '../api/loyalty';

// The loyalty tags, one colour scheme wherever a tier, a ledger entry, a reward or a coupon shows.

/** The card colours members know: plain, silver, gold, and black with gold lettering. */
const TIER_STYLES: Record<MemberTier, { color?: string; style?: CSSProperties }> = {
  STANDARD: { color: 'blue' },
  SILVER: { style: { color: '#4b5563', background: 'linear-gradient(135deg, #f3f4f6, #d1d5db)', borderColor: '#9ca3af' } },
  GOLD: { color: 'gold' },
  BLACK: { style: { color: '#f5c451', background: '#1f1f1f', borderColor: '#1f1f1f' } },
};

/** A tier as a tag; `name` is the tier's configured name where the page has it. */
export function MemberTierTag({ tier, name }: { tier: MemberTier; name?: string }) {
  const { color, style } = TIER_STYLES[tier];
  return (
    <Tag color={color} style={{ marginInlineEnd: 0, ...style }} data-testid="member-tier" data-tier={tier}>
      {name ?? MEMBER_TIER_LABELS[tier]}
    </Tag>
  );
}

const ENTRY_TYPE_COLORS: Record<PointsEntryType, string> = {
  EARN: 'green',
  REDEEM: 'blue',
  EXPIRE: 'default',
  ADJUST: 'purple',
  REVERSAL: 'orange',
};

export function PointsEntryTypeTag({ type }: { type: PointsEntryType }) {
  return (
    <Tag color={ENTRY_TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }} data-testid="points-entry-type">
      {POINTS_ENTRY_TYPE_LABELS[type]}
    </Tag>
  );
}

const REWARD_KIND_COLORS: Record<RewardKind, string> = { SERVICE_COUPON: 'geekblue', WASH_COUPON: 'cyan', MERCHANDISE: 'magenta' };

export function RewardKindTag({ kind }: { kind: RewardKind }) {
  return (
    <Tag color={REWARD_KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {REWARD_KIND_LABELS[kind]}
    </Tag>
  );
}

const COUPON_STATUS_COLORS: Record<CouponStatus, string> = { AVAILABLE: 'green', USED: 'default', EXPIRED: 'red' };

export function CouponStatusTag({ status }: { status: CouponStatus }) {
  return (
    <Tag color={COUPON_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {COUPON_STATUS_LABELS[status]}
    </Tag>
  );
}
