import { MESSAGE_CHANNELS, OUTBOX_SOURCES, OUTBOX_STATUSES, type OutboxListQuery } from '../../api/automation';
import { useListQuery, type ListQueryControls } from '../../hooks/use-list-query';
import { positiveInt } from '../../route-params';

export type OutboxFilters = Omit<OutboxListQuery, 'page' | 'pageSize'>;

/** The value if it is one of the allowed ones, else undefined (a hand-edited URL lists everything). */
function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

function parseFilters(params: URLSearchParams): OutboxFilters {
  return {
    status: oneOf(OUTBOX_STATUSES, params.get('status')),
    channel: oneOf(MESSAGE_CHANNELS, params.get('channel')),
    source: oneOf(OUTBOX_SOURCES, params.get('source')),
    ruleId: positiveInt(params.get('ruleId')),
    campaignId: positiveInt(params.get('campaignId')),
    customerId: positiveInt(params.get('customerId')),
  };
}

/** The outbox list's filters and page, kept in the URL (a rule's 近 30 天 links here); a new filter goes back to page 1. */
export function useOutboxListQuery(): ListQueryControls<OutboxFilters> {
  return useListQuery(parseFilters);
}
