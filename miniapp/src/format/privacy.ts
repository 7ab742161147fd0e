import type { ExportSection, MyDataExport, PrivacyStatus } from '../api/privacy';
import { calendarDateOf, shanghaiDateOf } from './shanghai-time';

/** The sections of the export in the order the server writes them, by the names the customer knows them by. */
const SECTIONS: ReadonlyArray<{ section: ExportSection; title: string }> = [
  { section: 'leads', title: '购车咨询' },
  { section: 'testDrives', title: '试驾预约' },
  { section: 'vehicles', title: '车辆' },
  { section: 'serviceBookings', title: '保养预约' },
  { section: 'workOrders', title: '维修工单' },
  { section: 'points', title: '积分流水' },
  { section: 'coupons', title: '优惠券' },
  { section: 'messages', title: '消息' },
  { section: 'surveys', title: '满意度回访' },
  { section: 'complaints', title: '投诉与建议' },
];

export interface ExportSummaryRow {
  section: ExportSection;
  title: string;
  count: number;
}

/** How many records each section of the export holds, in the export's order. */
export function exportSummaryOf(data: MyDataExport): ExportSummaryRow[] {
  return SECTIONS.map(({ section, title }) => ({ section, title, count: Array.isArray(data[section]) ? data[section].length : 0 }));
}

/** The export as the customer receives it: indented, so it reads in any text editor. */
export function exportTextOf(data: MyDataExport): string {
  return JSON.stringify(data, null, 2);
}

/** 'my-data-2026-11-26.json': the Shanghai date of the export, so two downloads on different days sort apart. */
export function exportFileNameOf(data: MyDataExport): string {
  return `my-data-${shanghaiDateOf(new Date(data.exportedAt))}.json`;
}

/** The policy the customer accepted, when, and which version; the parts around the link to the policy. */
export interface ConsentLine {
  before: string;
  after: string;
}

/**
 * '您已于 2026年11月26日 同意《隐私政策》2026-11 版' around the link to the policy, or what is missing when the
 * customer never accepted one. A consent recorded before versions were kept has no version.
 */
export function consentLineOf(status: PrivacyStatus): ConsentLine {
  if (!status.consent) return { before: '您尚未同意', after: '' };
  const version = status.consent.version ? `${status.consent.version} 版` : '';
  return { before: `您已于 ${calendarDateOf(status.consent.acceptedAt)} 同意`, after: version };
}

/** The banner asking for consent to the version in force. */
export function consentRequestOf(status: PrivacyStatus): string {
  const updated = status.consent ? '已更新为' : '当前为';
  return `《隐私政策》${updated} ${status.currentVersion} 版，请阅读后点击“同意”，以便我们继续为您提供服务。`;
}
