import type { Kpi, KpiUnit } from '../../api/analytics';
import { formatFen } from '../../money-format';

// How the dashboard writes its figures. The server rounds (percent and days to one decimal); this only
// adds units and separators. null means there was nothing to divide by.

const EMPTY = '—';
const WHOLE = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Scores come as the server rounds them: CSAT to two decimals (4.25), NPS whole or to one decimal. */
const SCORE = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A percent the server gives as 0–100 with one decimal: 12.5 → 12.5%. */
export function formatPercent(value: number | null): string {
  return value === null ? EMPTY : `${ONE_DECIMAL.format(value)}%`;
}

export function formatCount(value: number | null): string {
  return value === null ? EMPTY : WHOLE.format(value);
}

/** A KPI's value with its unit, as its card shows it. */
export function formatKpiValue(unit: KpiUnit, value: number | null): string {
  if (value === null) return EMPTY;
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'days':
      return `${ONE_DECIMAL.format(value)} 天`;
    case 'fen':
      return formatFen(value);
    case 'score':
      return SCORE.format(value);
    case 'points':
      return `${WHOLE.format(value)} 分`;
    case 'count':
      return WHOLE.format(value);
  }
}

/**
 * The small print under a figure: what was divided by what (12 / 40). For an average of money the
 * numerator is the money itself; for an average of days, the days added up.
 */
export function formatKpiParts(kpi: Kpi): string | undefined {
  if (kpi.numerator === null || kpi.denominator === null) return undefined;
  const numerator = kpi.unit === 'fen' ? formatFen(kpi.numerator) : Number.isInteger(kpi.numerator) ? WHOLE.format(kpi.numerator) : ONE_DECIMAL.format(kpi.numerator);
  return `${numerator} / ${WHOLE.format(kpi.denominator)}`;
}
