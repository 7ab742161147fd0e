import { defineDomainError } from '../../core/http/domain-error';

export const LoyaltyError = defineDomainError('LoyaltyError', {
  CUSTOMER_NOT_FOUND: 404,
  REWARD_NOT_FOUND: 404,
  INSUFFICIENT_POINTS: 409,
  OUT_OF_STOCK: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  REWARD_EXISTS: 409,
  COUPON_NOT_FOUND: 404,
  ENTRY_NOT_REVERSIBLE: 409,
  COUPON_NOT_USABLE: 409,
  TIERS_INVALID: 400,
  EARNING_RULE_NOT_FOUND: 404,
});
