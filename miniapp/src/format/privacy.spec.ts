import { describe, expect, it } from '@jest/globals';
import type { MyDataExport, PrivacyStatus } from '../api/privacy';
import { consentLineOf, consentRequestOf, exportFileNameOf, exportSummaryOf } from './privacy';

const status = (consent: PrivacyStatus['consent'], needsConsent = false): PrivacyStatus => ({ currentVersion: '2026-11', consent, needsConsent });

function exported(counts: Partial<Record<'points' | 'vehicles', number>> = {}): MyDataExport {
  const rows = (count = 0) => Array.from({ length: count }, (_, index) => ({ index }));
  return {
    exportedAt: '2026-11-25T16:30:00.000Z',
    policyVersion: '2026-11',
    profile: { id: 1, mobile: '13800138000' },
    leads: [],
    testDrives: [],
    vehicles: rows(counts.vehicles),
    serviceBookings: [],
    workOrders: [],
    points: rows(counts.points),
    coupons: [],
    messages: [],
    surveys: [],
    complaints: [],
  };
}

describe('consentLineOf', () => {
  it('names the day in Shanghai and the version accepted', () => {
    expect(consentLineOf(status({ version: '2026-11', acceptedAt: '2026-11-25T16:30:00.000Z' }))).toEqual({
      before: '您已于 2026年11月26日 同意',
      after: '2026-11 版',
    });
  });

  it('leaves out the version of a consent recorded before versions were kept', () => {
    expect(consentLineOf(status({ version: null, acceptedAt: '2025-03-01T02:00:00.000Z' }, true))).toEqual({ before: '您已于 2025年3月1日 同意', after: '' });
  });

  it('says so when the customer never accepted a policy', () => {
    expect(consentLineOf(status(null, true))).toEqual({ before: '您尚未同意', after: '' });
  });
});

describe('consentRequestOf', () => {
  it('speaks of an update to a customer who accepted an older version', () => {
    expect(consentRequestOf(status({ version: '2025-01', acceptedAt: '2025-01-10T02:00:00.000Z' }, true))).toContain('已更新为 2026-11 版');
  });

  it('names the version in force to a customer who never accepted one', () => {
    expect(consentRequestOf(status(null, true))).toContain('当前为 2026-11 版');
  });
});

describe('exportSummaryOf', () => {
  it('counts the records of every section in the order of the export', () => {
    const summary = exportSummaryOf(exported({ vehicles: 1, points: 3 }));
    expect(summary.map((row) => row.title)).toEqual(['购车咨询', '试驾预约', '车辆', '保养预约', '维修工单', '积分流水', '优惠券', '消息', '满意度回访', '投诉与建议']);
    expect(summary.find((row) => row.section === 'points')?.count).toBe(3);
    expect(summary.find((row) => row.section === 'vehicles')?.count).toBe(1);
    expect(summary.find((row) => row.section === 'complaints')?.count).toBe(0);
  });
});

describe('exportFileNameOf', () => {
  it('dates the file by the Shanghai day of the export', () => {
    expect(exportFileNameOf(exported())).toBe('my-data-2026-11-26.json');
  });
});
