/**
 * The enums the three apps share, written out as literals so that the contracts need no generated Prisma client:
 * the admin and the mini-program import them as they are. Each has the shape of Prisma's own (`LeadStage.NEW`,
 * `z.enum(LeadStage)`), and enums.contract.spec.ts fails when one disagrees with schema.prisma.
 */

export const ApprovalStatus = {
  NOT_REQUIRED: 'NOT_REQUIRED',
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
} as const;
export type ApprovalStatus = (typeof ApprovalStatus)[keyof typeof ApprovalStatus];

export const AssignmentMode = {
  ROUND_ROBIN: 'ROUND_ROBIN',
  MODEL_SPECIALTY: 'MODEL_SPECIALTY',
} as const;
export type AssignmentMode = (typeof AssignmentMode)[keyof typeof AssignmentMode];

export const CampaignStatus = {
  DRAFT: 'DRAFT',
  SCHEDULED: 'SCHEDULED',
  SENDING: 'SENDING',
  SENT: 'SENT',
  CANCELLED: 'CANCELLED',
} as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];

export const ComplaintCategory = {
  SERVICE_QUALITY: 'SERVICE_QUALITY',
  ATTITUDE: 'ATTITUDE',
  WAITING: 'WAITING',
  PRICE: 'PRICE',
  VEHICLE_QUALITY: 'VEHICLE_QUALITY',
  OTHER: 'OTHER',
} as const;
export type ComplaintCategory = (typeof ComplaintCategory)[keyof typeof ComplaintCategory];

export const ComplaintSource = {
  SURVEY: 'SURVEY',
  CUSTOMER: 'CUSTOMER',
  STAFF: 'STAFF',
} as const;
export type ComplaintSource = (typeof ComplaintSource)[keyof typeof ComplaintSource];

export const ComplaintStatus = {
  OPEN: 'OPEN',
  IN_PROGRESS: 'IN_PROGRESS',
  RESOLVED: 'RESOLVED',
  CLOSED: 'CLOSED',
} as const;
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus];

export const EnergyType = {
  ICE: 'ICE',
  HEV: 'HEV',
  PHEV: 'PHEV',
  BEV: 'BEV',
} as const;
export type EnergyType = (typeof EnergyType)[keyof typeof EnergyType];

export const FollowUpType = {
  CALL: 'CALL',
  SMS: 'SMS',
  WECHAT: 'WECHAT',
  VISIT: 'VISIT',
  OTHER: 'OTHER',
} as const;
export type FollowUpType = (typeof FollowUpType)[keyof typeof FollowUpType];

export const LeadSource = {
  MINI_PROGRAM: 'MINI_PROGRAM',
  WEBSITE: 'WEBSITE',
  AUTOHOME: 'AUTOHOME',
  DONGCHEDI: 'DONGCHEDI',
  DOUYIN: 'DOUYIN',
  XIAOHONGSHU: 'XIAOHONGSHU',
  WECHAT: 'WECHAT',
  HOTLINE: 'HOTLINE',
  WALK_IN: 'WALK_IN',
  AUTO_SHOW: 'AUTO_SHOW',
  REFERRAL: 'REFERRAL',
  IMPORT: 'IMPORT',
  OTHER: 'OTHER',
} as const;
export type LeadSource = (typeof LeadSource)[keyof typeof LeadSource];

export const LeadStage = {
  NEW: 'NEW',
  CONTACTED: 'CONTACTED',
  INVITED: 'INVITED',
  TEST_DRIVEN: 'TEST_DRIVEN',
  QUOTED: 'QUOTED',
  ORDERED: 'ORDERED',
  DELIVERED: 'DELIVERED',
  LOST: 'LOST',
} as const;
export type LeadStage = (typeof LeadStage)[keyof typeof LeadStage];

export const LostReason = {
  PRICE: 'PRICE',
  COMPETITOR: 'COMPETITOR',
  TIMING: 'TIMING',
  NO_RESPONSE: 'NO_RESPONSE',
  FINANCE: 'FINANCE',
  OTHER: 'OTHER',
} as const;
export type LostReason = (typeof LostReason)[keyof typeof LostReason];

export const MemberTier = {
  STANDARD: 'STANDARD',
  SILVER: 'SILVER',
  GOLD: 'GOLD',
  BLACK: 'BLACK',
} as const;
export type MemberTier = (typeof MemberTier)[keyof typeof MemberTier];

export const MessageChannel = {
  WECHAT: 'WECHAT',
  SMS: 'SMS',
  IN_APP: 'IN_APP',
} as const;
export type MessageChannel = (typeof MessageChannel)[keyof typeof MessageChannel];

export const MileageSource = {
  DELIVERY: 'DELIVERY',
  CHECK_IN: 'CHECK_IN',
  OWNER: 'OWNER',
  STAFF: 'STAFF',
  CORRECTION: 'CORRECTION',
} as const;
export type MileageSource = (typeof MileageSource)[keyof typeof MileageSource];

export const OutboxStatus = {
  PENDING: 'PENDING',
  SENDING: 'SENDING',
  SENT: 'SENT',
  SKIPPED: 'SKIPPED',
  DEAD: 'DEAD',
} as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

export const PointsEntryType = {
  EARN: 'EARN',
  REDEEM: 'REDEEM',
  EXPIRE: 'EXPIRE',
  ADJUST: 'ADJUST',
  REVERSAL: 'REVERSAL',
} as const;
export type PointsEntryType = (typeof PointsEntryType)[keyof typeof PointsEntryType];

export const ReminderKind = {
  FIRST_SERVICE: 'FIRST_SERVICE',
  MAINTENANCE_DUE: 'MAINTENANCE_DUE',
  INSURANCE_RENEWAL: 'INSURANCE_RENEWAL',
  WARRANTY_ENDING: 'WARRANTY_ENDING',
  BIRTHDAY: 'BIRTHDAY',
  TEST_DRIVE_TOMORROW: 'TEST_DRIVE_TOMORROW',
  SERVICE_BOOKING_TOMORROW: 'SERVICE_BOOKING_TOMORROW',
  DORMANT_OWNER: 'DORMANT_OWNER',
  TASK_OVERDUE: 'TASK_OVERDUE',
  POINTS_EXPIRING: 'POINTS_EXPIRING',
} as const;
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind];

export const RewardKind = {
  SERVICE_COUPON: 'SERVICE_COUPON',
  WASH_COUPON: 'WASH_COUPON',
  MERCHANDISE: 'MERCHANDISE',
} as const;
export type RewardKind = (typeof RewardKind)[keyof typeof RewardKind];

export const ServiceBookingStatus = {
  CONFIRMED: 'CONFIRMED',
  CHECKED_IN: 'CHECKED_IN',
  CANCELLED: 'CANCELLED',
  NO_SHOW: 'NO_SHOW',
} as const;
export type ServiceBookingStatus = (typeof ServiceBookingStatus)[keyof typeof ServiceBookingStatus];

export const ServiceType = {
  MAINTENANCE: 'MAINTENANCE',
  REPAIR: 'REPAIR',
  WARRANTY: 'WARRANTY',
  INSPECTION: 'INSPECTION',
  BODY_PAINT: 'BODY_PAINT',
} as const;
export type ServiceType = (typeof ServiceType)[keyof typeof ServiceType];

export const StaffRole = {
  ADMIN: 'ADMIN',
  DIRECTOR: 'DIRECTOR',
  REGION_MANAGER: 'REGION_MANAGER',
  STORE_MANAGER: 'STORE_MANAGER',
  CONSULTANT: 'CONSULTANT',
  SERVICE_ADVISOR: 'SERVICE_ADVISOR',
  MARKETER: 'MARKETER',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const SurveyKind = {
  SERVICE: 'SERVICE',
  TEST_DRIVE: 'TEST_DRIVE',
} as const;
export type SurveyKind = (typeof SurveyKind)[keyof typeof SurveyKind];

export const TaskKind = {
  FIRST_CONTACT: 'FIRST_CONTACT',
  FOLLOW_UP: 'FOLLOW_UP',
  SERVICE_CALLBACK: 'SERVICE_CALLBACK',
  MESSAGE_REVIEW: 'MESSAGE_REVIEW',
} as const;
export type TaskKind = (typeof TaskKind)[keyof typeof TaskKind];

export const TaskStatus = {
  OPEN: 'OPEN',
  DONE: 'DONE',
  CANCELLED: 'CANCELLED',
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export const TestDriveBookingStatus = {
  CONFIRMED: 'CONFIRMED',
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  NO_SHOW: 'NO_SHOW',
} as const;
export type TestDriveBookingStatus = (typeof TestDriveBookingStatus)[keyof typeof TestDriveBookingStatus];

export const TestDriveCarStatus = {
  AVAILABLE: 'AVAILABLE',
  IN_SERVICE: 'IN_SERVICE',
  RETIRED: 'RETIRED',
} as const;
export type TestDriveCarStatus = (typeof TestDriveCarStatus)[keyof typeof TestDriveCarStatus];

export const WorkOrderStatus = {
  CHECKED_IN: 'CHECKED_IN',
  IN_PROGRESS: 'IN_PROGRESS',
  QUALITY_CHECK: 'QUALITY_CHECK',
  READY: 'READY',
  SETTLED: 'SETTLED',
} as const;
export type WorkOrderStatus = (typeof WorkOrderStatus)[keyof typeof WorkOrderStatus];
