import { useCallback, useState } from 'react';
import { fetchWorkOrder, type WorkOrder } from '../../api/service';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';

/**
 * One work order. Every change (lines, status) answers with the whole order, which `replace` shows at
 * once without a second request; a later load (刷新) supersedes it.
 */
export function useWorkOrder(workOrderId: number): RemoteData<WorkOrder> & { replace: (order: WorkOrder) => void } {
  const load = useCallback((signal: AbortSignal) => fetchWorkOrder(workOrderId, signal), [workOrderId]);
  const remote = useRemoteData(load);
  const [changed, setChanged] = useState<{ order: WorkOrder; basis: WorkOrder | undefined }>();
  const data = changed && changed.basis === remote.data ? changed.order : remote.data;
  const replace = useCallback((order: WorkOrder) => setChanged({ order, basis: remote.data }), [remote.data]);
  return { ...remote, data, replace };
}
