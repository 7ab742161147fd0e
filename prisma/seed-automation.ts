/** The reminder rules a dealership starts with, all on. Idempotent like the main seed: an edited rule is left alone. */
import type { PrismaClient } from '../server/src/generated/prisma/client';
import { MessageChannel, ReminderKind } from '../server/src/generated/prisma/enums';

const RULES = [
  { kind: ReminderKind.FIRST_SERVICE, name: '首保提醒', channel: MessageChannel.WECHAT, daysBefore: 7, intervalMonths: 6, intervalKm: 5_000, template: '{name}，您的{model}（{plate}）即将到首保时间（{date}），首保免工时费，点击预约{store}。' },
  { kind: ReminderKind.MAINTENANCE_DUE, name: '保养到期提醒', channel: MessageChannel.WECHAT, daysBefore: 7, template: '{name}，您的{plate}将于{date}到保养时间，提前预约到店不排队。' },
  { kind: ReminderKind.INSURANCE_RENEWAL, name: '续保提醒（30天）', channel: MessageChannel.SMS, daysBefore: 30, template: '{name}，您的{plate}车险将于{date}到期，{store}为您准备了续保方案，回复或来电咨询。' },
  { kind: ReminderKind.INSURANCE_RENEWAL, name: '续保提醒（7天）', channel: MessageChannel.SMS, daysBefore: 7, template: '{name}，您的{plate}车险将于{date}到期，请尽快续保，以免脱保。' },
  { kind: ReminderKind.WARRANTY_ENDING, name: '质保到期提醒', channel: MessageChannel.WECHAT, daysBefore: 30, template: '{name}，您的{plate}整车质保将于{date}结束，到期前可到店免费检测。' },
  { kind: ReminderKind.BIRTHDAY, name: '生日关怀', channel: MessageChannel.WECHAT, daysBefore: 0, giftPoints: 200, template: '{name}，生日快乐！{points} 生日积分已到账，祝您一路平安。' },
  { kind: ReminderKind.TEST_DRIVE_TOMORROW, name: '试驾前一天提醒', channel: MessageChannel.WECHAT, daysBefore: 1, template: '{name}，您预约的{model}试驾在明天 {time}，{store}恭候您的到来。' },
  { kind: ReminderKind.SERVICE_BOOKING_TOMORROW, name: '保养预约前一天提醒', channel: MessageChannel.WECHAT, daysBefore: 1, template: '{name}，您的{plate}保养预约在明天 {time}，{store}已为您预留工位。' },
  { kind: ReminderKind.DORMANT_OWNER, name: '沉睡车主回访', channel: MessageChannel.IN_APP, daysBefore: 0, intervalMonths: 12, template: '{name}的{model}（{plate}）已 12 个月未到店，请电话回访并邀约保养。' },
  { kind: ReminderKind.TASK_OVERDUE, name: '跟进超时升级', channel: MessageChannel.IN_APP, daysBefore: 0, template: '跟进任务逾期时通知门店经理。' },
  { kind: ReminderKind.POINTS_EXPIRING, name: '积分到期提醒', channel: MessageChannel.WECHAT, daysBefore: 30, template: '{name}，您有 {points} 积分将于{date}到期，快去积分商城兑换吧。' },
];

export async function seedAutomation(prisma: PrismaClient): Promise<void> {
  for (const rule of RULES) {
    await prisma.reminderRule.upsert({ where: { kind_daysBefore: { kind: rule.kind, daysBefore: rule.daysBefore } }, create: rule, update: {} });
  }
}
