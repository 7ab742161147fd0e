import { LEAD_STAGE_LABELS } from '../../api/leads';
import type { MemberTier } from '../../api/loyalty';
import type { NumberRange, SegmentFilter } from '../../api/marketing';
import { formatPoints } from '../../points-format';

const COUNT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A head count as people read it: 12345 → 12,345. */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

const RANGE_FIELDS = ['vehicleAgeMonths', 'daysSinceLastService', 'pointsBalance'] as const;
const LIST_FIELDS = ['tiers', 'modelIds', 'storeIds', 'leadStages', 'birthdayMonths'] as const;

function compactRange(range: NumberRange | null | undefined): NumberRange | undefined {
  if (!range) return undefined;
  const min = range.min ?? undefined;
  const max = range.max ?? undefined;
  return min === undefined && max === undefined ? undefined : { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/**
 * The filter as the server stores it: only the conditions actually set. A form holds cleared fields as
 * null or [], which mean "any" just the same; leaving them out keeps a saved segment and its count key tidy.
 */
export function compactFilter(filter: SegmentFilter | undefined): SegmentFilter {
  const compact: SegmentFilter = {};
  if (!filter) return compact;
  for (const field of LIST_FIELDS) {
    const values = filter[field];
    // Each list field keeps its own element type; the loop only decides whether to keep it.
    if (values && values.length > 0) (compact as Record<string, unknown>)[field] = [...values];
  }
  for (const field of RANGE_FIELDS) {
    const range = compactRange(filter[field]);
    if (range) compact[field] = range;
  }
  if (filter.insuranceExpiringWithinDays != null) compact.insuranceExpiringWithinDays = filter.insuranceExpiringWithinDays;
  return compact;
}

/** 12–36 个月, ≥ 12 个月, ≤ 36 个月. */
function rangeWords(range: NumberRange | null | undefined, unit: string, format: (value: number) => string = String): string | undefined {
  const min = range?.min ?? undefined;
  const max = range?.max ?? undefined;
  if (min !== undefined && max !== undefined) return min === max ? `${format(min)} ${unit}` : `${format(min)}–${format(max)} ${unit}`;
  if (min !== undefined) return `≥ ${format(min)} ${unit}`;
  if (max !== undefined) return `≤ ${format(max)} ${unit}`;
  return undefined;
}

export interface ConditionNames {
  tierName: (tier: MemberTier) => string;
  modelName: (modelId: number) => string;
  storeName: (storeId: number) => string;
}

/** Each condition of a filter as a short phrase for lists and headings: 等级 金卡、黑金 · 保险 30 天内到期. */
export function describeConditions(filter: SegmentFilter, names: ConditionNames): string[] {
  const words: string[] = [];
  if (filter.tiers?.length) words.push(`等级 ${filter.tiers.map(names.tierName).join('、')}`);
  if (filter.modelIds?.length) words.push(`车型 ${filter.modelIds.map(names.modelName).join('、')}`);
  if (filter.storeIds?.length) words.push(`门店 ${filter.storeIds.map(names.storeName).join('、')}`);
  const age = rangeWords(filter.vehicleAgeMonths, '个月');
  if (age) words.push(`车龄 ${age}`);
  const idle = rangeWords(filter.daysSinceLastService, '天');
  if (idle) words.push(`距上次保养 ${idle}`);
  const balance = rangeWords(filter.pointsBalance, '分', formatPoints);
  if (balance) words.push(`积分 ${balance}`);
  if (filter.insuranceExpiringWithinDays) words.push(`保险 ${filter.insuranceExpiringWithinDays} 天内到期`);
  if (filter.leadStages?.length) words.push(`线索阶段 ${filter.leadStages.map((stage) => LEAD_STAGE_LABELS[stage]).join('、')}`);
  if (filter.birthdayMonths?.length) words.push(`生日 ${[...filter.birthdayMonths].sort((a, b) => a - b).map((month) => `${month}月`).join('、')}`);
  return words;
}
