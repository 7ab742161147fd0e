import type { ReminderRule } from '../../api/automation';
import { formatPoints } from '../../points-format';

const KM = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** "到期前 30 天", "到期当天": how far ahead of its date a rule writes. */
function ahead(days: number, of: string): string {
  return days === 0 ? `${of}当天` : `${of}前 ${days} 天`;
}

/** When a rule sends, in the words of the service desk: "到期前 30 天", "交车后 3 个月或 5,000 km". */
export function ruleTiming(rule: ReminderRule): string {
  const { daysBefore: days } = rule;
  switch (rule.kind) {
    case 'FIRST_SERVICE': {
      const limits = [
        rule.intervalMonths !== null ? `${rule.intervalMonths} 个月` : null,
        rule.intervalKm !== null ? `${KM.format(rule.intervalKm)} km` : null,
      ].filter(Boolean);
      const after = limits.length > 0 ? `交车后 ${limits.join('或 ')}${limits.length > 1 ? '（先到为准）' : ''}` : '交车后';
      return days > 0 ? `${after}，提前 ${days} 天` : after;
    }
    case 'DORMANT_OWNER':
      return rule.intervalMonths !== null ? `${rule.intervalMonths} 个月未到店` : '长期未到店';
    case 'BIRTHDAY': {
      const when = ahead(days, '生日');
      return rule.giftPoints ? `${when} · 赠 ${formatPoints(rule.giftPoints)} 分` : when;
    }
    case 'TEST_DRIVE_TOMORROW':
    case 'SERVICE_BOOKING_TOMORROW':
      return ahead(days, '预约');
    case 'TASK_OVERDUE':
      return '跟进任务逾期即通知门店经理';
    default:
      return ahead(days, '到期');
  }
}

/** Made-up values for the placeholders, so a template can be read as a customer would. */
const SAMPLE: Record<string, string> = {
  '{name}': '张先生',
  '{plate}': '沪A12345',
  '{model}': '凯美瑞',
  '{date}': '12月1日',
  '{store}': '浦东旗舰店',
  '{points}': '200',
  '{time}': '10:00',
};

/** A template with its placeholders filled with sample values. */
export function previewTemplate(template: string): string {
  return template.replace(/\{(name|plate|model|date|store|points|time)\}/g, (token) => SAMPLE[token] ?? token);
}
