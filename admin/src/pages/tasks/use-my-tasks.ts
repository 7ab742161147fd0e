import { useCallback } from 'react';
import { listMyTasks, type Task, type TaskDue } from '../../api/tasks';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';

/** My open tasks: due today, already overdue, or (no `due`) all of them, soonest first. */
export function useMyTasks(due: TaskDue | undefined): RemoteData<Task[]> {
  const load = useCallback((signal: AbortSignal) => listMyTasks({ status: 'OPEN', due }, signal), [due]);
  return useRemoteData(load);
}
