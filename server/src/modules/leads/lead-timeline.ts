import type { ApprovalStatus, AssignmentReason, FollowUpType, LeadSource, LeadStage, TaskStatus, TestDriveBookingStatus } from '../../generated/prisma/enums';
import { formatShanghaiTime } from '../../core/time/shanghai-time';
import { APPROVAL_LABELS, FOLLOW_UP_LABELS, SOURCE_LABELS, STAGE_LABELS, TEST_DRIVE_LABELS } from './lead-labels';

type Staff = { id: number; name: string } | null;

export interface TimelineSources {
  touches: Array<{ source: LeadSource; channel: string | null; note: string | null; createdAt: Date }>;
  followUps: Array<{ type: FollowUpType; outcome: string; note: string | null; createdAt: Date; staff: Staff }>;
  stageChanges: Array<{ fromStage: LeadStage | null; toStage: LeadStage; createdAt: Date; staff: Staff }>;
  assignments: Array<{ reason: AssignmentReason; createdAt: Date; fromStaff: { name: string } | null; toStaff: { name: string } | null; byStaff: Staff }>;
  tasks: Array<{ purpose: string; dueAt: Date; status: TaskStatus; createdAt: Date; completedAt: Date | null; assignee: Staff }>;
  quotes: Array<{ totalFen: number; discountFen: number; approvalStatus: ApprovalStatus; createdAt: Date; decidedAt: Date | null; createdBy: Staff; decidedBy: Staff; trim: { name: string; model: { name: string } } }>;
  order: { priceFen: number; depositFen: number; signedAt: Date; createdBy: Staff } | null;
  delivery: { vin: string; deliveredAt: Date; deliveredBy: Staff } | null;
  testDrives: Array<{ id: number; startAt: Date; status: TestDriveBookingStatus; createdAt: Date; model: { name: string } }>;
}

export interface TimelineEntry {
  at: Date;
  kind: 'TOUCH' | 'FOLLOW_UP' | 'STAGE' | 'ASSIGNMENT' | 'TASK' | 'QUOTE' | 'ORDER' | 'DELIVERY' | 'TEST_DRIVE';
  title: string;
  detail: string | null;
  staff: Staff;
}

const ASSIGNMENT: Record<AssignmentReason, string> = { AUTO: '自动分配', MANUAL: '改派', HANDOVER: '离职交接' };

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Everything that happened to a lead, newest first, in words a consultant reads. */
export function buildTimeline(sources: TimelineSources): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...sources.touches.map((touch) => ({ at: touch.createdAt, kind: 'TOUCH' as const, title: `线索来源：${SOURCE_LABELS[touch.source]}${touch.channel ? `（${touch.channel}）` : ''}`, detail: touch.note, staff: null })),
    ...sources.followUps.map((followUp) => ({
      at: followUp.createdAt,
      kind: 'FOLLOW_UP' as const,
      title: `${FOLLOW_UP_LABELS[followUp.type]}跟进：${followUp.outcome}`,
      detail: followUp.note,
      staff: followUp.staff,
    })),
    ...sources.stageChanges.map((change) => ({
      at: change.createdAt,
      kind: 'STAGE' as const,
      title: change.fromStage ? `阶段：${STAGE_LABELS[change.fromStage]} → ${STAGE_LABELS[change.toStage]}` : '创建线索',
      detail: null,
      staff: change.staff,
    })),
    ...sources.assignments.map((assignment) => ({
      at: assignment.createdAt,
      kind: 'ASSIGNMENT' as const,
      title: `${ASSIGNMENT[assignment.reason]}：${assignment.fromStaff ? `${assignment.fromStaff.name} → ` : ''}${assignment.toStaff?.name ?? '暂无可分配顾问'}`,
      detail: null,
      staff: assignment.byStaff,
    })),
    ...sources.tasks.map((task) => ({
      at: task.completedAt ?? task.createdAt,
      kind: 'TASK' as const,
      title: `${task.status === 'OPEN' ? '待办' : task.status === 'DONE' ? '已完成' : '已取消'}：${task.purpose}`,
      detail: `截止 ${formatShanghaiTime(task.dueAt)}`,
      staff: task.assignee,
    })),
    ...sources.quotes.map((quote) => ({
      at: quote.createdAt,
      kind: 'QUOTE' as const,
      title: `报价 ${quote.trim.model.name} ${quote.trim.name}：${yuan(quote.totalFen)}`,
      detail: quote.discountFen ? `优惠 ${yuan(quote.discountFen)}，${APPROVAL_LABELS[quote.approvalStatus]}` : null,
      staff: quote.createdBy,
    })),
    ...(sources.order ? [{ at: sources.order.signedAt, kind: 'ORDER' as const, title: `签订订单：${yuan(sources.order.priceFen)}`, detail: `定金 ${yuan(sources.order.depositFen)}`, staff: sources.order.createdBy }] : []),
    ...sources.testDrives.map((drive) => ({
      at: drive.createdAt,
      kind: 'TEST_DRIVE' as const,
      title: `预约试驾 ${drive.model.name}：${TEST_DRIVE_LABELS[drive.status]}`,
      detail: `试驾时间 ${formatShanghaiTime(drive.startAt)}`,
      staff: null,
    })),
    ...(sources.delivery ? [{ at: sources.delivery.deliveredAt, kind: 'DELIVERY' as const, title: `交车：VIN ${sources.delivery.vin}`, detail: null, staff: sources.delivery.deliveredBy }] : []),
  ];
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}
