import type { ExportColumn } from '../../core/exports/xlsx-export';
import type { ApprovalStatus, FollowUpType, LeadSource, LeadStage, LostReason, TestDriveBookingStatus } from '../../generated/prisma/enums';

/** The words the people see for each stage, source and contact type. */
export const STAGE_LABELS: Record<LeadStage, string> = {
  NEW: '新线索',
  CONTACTED: '已联系',
  INVITED: '已邀约',
  TEST_DRIVEN: '已试驾',
  QUOTED: '已报价',
  ORDERED: '已下订',
  DELIVERED: '已交车',
  LOST: '已战败',
};

export const SOURCE_LABELS: Record<LeadSource, string> = {
  MINI_PROGRAM: '小程序',
  WEBSITE: '官网',
  AUTOHOME: '汽车之家',
  DONGCHEDI: '懂车帝',
  DOUYIN: '抖音',
  XIAOHONGSHU: '小红书',
  WECHAT: '微信',
  HOTLINE: '400 热线',
  WALK_IN: '到店',
  AUTO_SHOW: '车展',
  REFERRAL: '转介绍',
  IMPORT: '导入',
  OTHER: '其他',
};

export const LOST_REASON_LABELS: Record<LostReason, string> = { PRICE: '价格', COMPETITOR: '竞品', TIMING: '时机未到', NO_RESPONSE: '联系不上', FINANCE: '金融/贷款', OTHER: '其他' };

export const FOLLOW_UP_LABELS: Record<FollowUpType, string> = { CALL: '电话', SMS: '短信', WECHAT: '微信', VISIT: '到店', OTHER: '其他' };

export const APPROVAL_LABELS: Record<ApprovalStatus, string> = { NOT_REQUIRED: '无需审批', PENDING: '待店总审批', APPROVED: '已批准', REJECTED: '已驳回' };

export const TEST_DRIVE_LABELS: Record<TestDriveBookingStatus, string> = { CONFIRMED: '已确认', IN_PROGRESS: '试驾中', COMPLETED: '已完成', CANCELLED: '已取消', NO_SHOW: '未到店' };

interface LeadExportRow {
  id: number;
  name: string;
  mobile: string;
  source: LeadSource;
  stage: LeadStage;
  store: { name: string };
  intendedModel: { name: string } | null;
  assignedTo: { name: string } | null;
  budgetMin: number | null;
  budgetMax: number | null;
  createdAt: Date;
  lastContactedAt: Date | null;
  nextFollowUpAt: Date | null;
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** The columns of the 线索 export, in the words of the list. */
export const LEAD_EXPORT_COLUMNS: ExportColumn<LeadExportRow>[] = [
  { header: '线索编号', width: 10, value: (lead) => lead.id },
  { header: '客户', value: (lead) => lead.name },
  { header: '手机', width: 14, value: (lead) => lead.mobile },
  { header: '来源', width: 10, value: (lead) => SOURCE_LABELS[lead.source] },
  { header: '阶段', width: 10, value: (lead) => STAGE_LABELS[lead.stage] },
  { header: '门店', width: 18, value: (lead) => lead.store.name },
  { header: '意向车型', width: 16, value: (lead) => lead.intendedModel?.name },
  { header: '顾问', width: 10, value: (lead) => lead.assignedTo?.name },
  { header: '预算下限(元)', width: 12, value: (lead) => yuan(lead.budgetMin) },
  { header: '预算上限(元)', width: 12, value: (lead) => yuan(lead.budgetMax) },
  { header: '创建时间', width: 20, value: (lead) => lead.createdAt },
  { header: '最近联系', width: 20, value: (lead) => lead.lastContactedAt },
  { header: '下次跟进', width: 20, value: (lead) => lead.nextFollowUpAt },
];
