import type { ExportColumn } from '../../core/exports/xlsx-export';
import type { TaskKind, TaskStatus } from '../../generated/prisma/enums';
import { STAGE_LABELS } from '../leads/lead-labels';

export const TASK_KIND_LABELS: Record<TaskKind, string> = { FIRST_CONTACT: '首次联系', FOLLOW_UP: '跟进', SERVICE_CALLBACK: '售后回访', MESSAGE_REVIEW: '消息核实' };
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { OPEN: '待办', DONE: '已完成', CANCELLED: '已取消' };

interface TaskExportRow {
  id: number;
  kind: TaskKind;
  purpose: string;
  dueAt: Date;
  status: TaskStatus;
  completedAt: Date | null;
  lead: { id: number; name: string; stage: keyof typeof STAGE_LABELS } | null;
}

/** The columns of the 今日跟进 export, in the words of the list. */
export const TASK_EXPORT_COLUMNS: ExportColumn<TaskExportRow>[] = [
  { header: '任务编号', width: 10, value: (task) => task.id },
  { header: '类型', width: 10, value: (task) => TASK_KIND_LABELS[task.kind] },
  { header: '事项', width: 24, value: (task) => task.purpose },
  { header: '到期时间', width: 20, value: (task) => task.dueAt },
  { header: '状态', width: 10, value: (task) => TASK_STATUS_LABELS[task.status] },
  { header: '完成时间', width: 20, value: (task) => task.completedAt },
  { header: '线索编号', width: 10, value: (task) => task.lead?.id },
  { header: '客户', value: (task) => task.lead?.name },
  { header: '线索阶段', width: 10, value: (task) => (task.lead ? STAGE_LABELS[task.lead.stage] : null) },
];
