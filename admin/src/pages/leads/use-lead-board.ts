import { useCallback } from 'react';
import type { Paged } from '../../api/client';
import { LEAD_STAGES, listLeads, type LeadStage, type LeadSummary } from '../../api/leads';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';
import type { LeadFilters } from './use-lead-list-query';

/** Cards per column: enough to work from; the column links to the full, paged list of its stage. */
export const BOARD_COLUMN_SIZE = 20;

export type LeadBoard = Record<LeadStage, Paged<LeadSummary>>;

/** One page per stage with the same search and filters; each column's total is the stage's count. */
export function useLeadBoard(filters: LeadFilters): RemoteData<LeadBoard> {
  const { q, source, storeId, assigneeId, from, to } = filters;
  const load = useCallback(
    async (signal: AbortSignal) => {
      const pages = await Promise.all(
        LEAD_STAGES.map((stage) =>
          listLeads({ q, source, storeId, assigneeId, from, to, stage, page: 1, pageSize: BOARD_COLUMN_SIZE }, signal),
        ),
      );
      return Object.fromEntries(LEAD_STAGES.map((stage, index) => [stage, pages[index]])) as LeadBoard;
    },
    [q, source, storeId, assigneeId, from, to],
  );
  return useRemoteData(load);
}
