import type { DashboardQuery, KpiSection } from '../../api/analytics';

// Where a figure leads: the list of records behind it, with the dashboard's period and filters.
// The lead list's from/to is the lead's creation date, the same as the sales figures' "本期新增线索".
// Neither list filters by region: a region alone opens every store the person may see.

export interface LeadDrill {
  stage?: string;
  source?: string;
  assigneeId?: number;
}

function pathWith(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return `${path}?${search.toString()}`;
}

export function leadListPath(query: DashboardQuery, drill: LeadDrill = {}): string {
  return pathWith('/leads', {
    from: query.from,
    to: query.to,
    storeId: query.storeId,
    assigneeId: drill.assigneeId ?? query.consultantId,
    stage: drill.stage,
    source: drill.source,
  });
}

/** The settled work orders of the period: the work-order list's dates are check-in dates, the nearest it has. */
export function settledWorkOrdersPath(query: DashboardQuery): string {
  return pathWith('/service/work-orders', { from: query.from, to: query.to, storeId: query.storeId, status: 'SETTLED' });
}

/** The list behind a KPI card, or undefined for a figure with no list behind it (the members' section). */
export function kpiDrillPath(key: string, section: KpiSection | undefined, query: DashboardQuery): string | undefined {
  // The follow-up tasks live in 今日跟进, which lists what is due and overdue now.
  if (key === 'overdueFollowUpRate') return '/tasks';
  if (section === 'sales') return leadListPath(query);
  if (section === 'service') return settledWorkOrdersPath(query);
  return undefined;
}
