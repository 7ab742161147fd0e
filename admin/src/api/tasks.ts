import { request } from './client';
import type { LeadStage, Named } from './leads';

export type TaskKind = 'FIRST_CONTACT' | 'FOLLOW_UP' | 'SERVICE_CALLBACK' | 'MESSAGE_REVIEW';
export type TaskStatus = 'OPEN' | 'DONE' | 'CANCELLED';

export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  FIRST_CONTACT: '首次联系',
  FOLLOW_UP: '跟进',
  SERVICE_CALLBACK: '售后回访',
  MESSAGE_REVIEW: '消息核实',
};

export interface Task {
  id: number;
  leadId: number | null;
  kind: TaskKind;
  purpose: string;
  dueAt: string;
  status: TaskStatus;
  completedAt: string | null;
  assignee: Named;
  lead: { id: number; name: string; stage: LeadStage } | null;
}

/** today: due today (Shanghai); overdue: due before now and still open. */
export type TaskDue = 'today' | 'overdue';

export type MyTasksQuery = {
  status?: 'OPEN' | 'DONE';
  due?: TaskDue;
};

export function listMyTasks(query: MyTasksQuery, signal?: AbortSignal): Promise<Task[]> {
  return request<Task[]>('/tasks/mine', { query, signal });
}

export function completeTask(taskId: number): Promise<Task> {
  return request<Task>(`/tasks/${taskId}/complete`, { method: 'POST' });
}
