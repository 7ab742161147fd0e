import { useCallback, useState } from 'react';
import { fetchComplaint, type ComplaintDetail } from '../../api/feedback';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';

/**
 * One complaint. Adding a note answers with the whole ticket, which `replace` shows at once without a
 * second request; a later load (刷新) supersedes it.
 */
export function useComplaint(complaintId: number): RemoteData<ComplaintDetail> & { replace: (complaint: ComplaintDetail) => void } {
  const load = useCallback((signal: AbortSignal) => fetchComplaint(complaintId, signal), [complaintId]);
  const remote = useRemoteData(load);
  const [changed, setChanged] = useState<{ complaint: ComplaintDetail; basis: ComplaintDetail | undefined }>();
  const data = changed && changed.basis === remote.data ? changed.complaint : remote.data;
  const replace = useCallback((complaint: ComplaintDetail) => setChanged({ complaint, basis: remote.data }), [remote.data]);
  return { ...remote, data, replace };
}
