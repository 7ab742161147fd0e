import type { z } from 'zod';
import { request } from './client';
import type { TaskKind, TaskStatus } from 'server/contracts/enums.contract';
import type * as contract from 'server/contracts/leads.contract';
import type { Wire } from 'server/contracts/wire.contract';

export type { TaskKind, TaskStatus };

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  FIRST_CONTACT: '首次联系',
  FOLLOW_UP: '跟进',
  SERVICE_CALLBACK: '售后回访',
  MESSAGE_REVIEW: '消息核实',
};

export type Task = Wire<typeof contract.taskSchema>;

/** today: due today (Shanghai); overdue: due before now and still open. */
export type TaskDue = NonNullable<MyTasksQuery['due']>;

/** The admin lists open or done tasks, never the cancelled ones. */
export type MyTasksQuery = Partial<z.output<typeof contract.taskListQuerySchema>> & { status?: Exclude<TaskStatus, 'CANCELLED'> };

export function listMyTasks(query: MyTasksQuery, signal?: AbortSignal): Promise<Task[]> {
  return request<Task[]>('/tasks/mine', { query, signal });
}

export function completeTask(taskId: number): Promise<Task> {
  return request<Task>(`/tasks/${taskId}/complete`, { method: 'POST' });
}
