import type { ApprovalStatus, FollowUpType, LeadSource, LeadStage, TestDriveBookingStatus } from '../../generated/prisma/enums';

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

export const FOLLOW_UP_LABELS: Record<FollowUpType, string> = { CALL: '电话', SMS: '短信', WECHAT: '微信', VISIT: '到店', OTHER: '其他' };

export const APPROVAL_LABELS: Record<ApprovalStatus, string> = { NOT_REQUIRED: '无需审批', PENDING: '待店总审批', APPROVED: '已批准', REJECTED: '已驳回' };

export const TEST_DRIVE_LABELS: Record<TestDriveBookingStatus, string> = { CONFIRMED: '已确认', IN_PROGRESS: '试驾中', COMPLETED: '已完成', CANCELLED: '已取消', NO_SHOW: '未到店' };
