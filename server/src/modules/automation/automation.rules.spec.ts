import { MessageChannel } from '../../generated/prisma/enums';
import { customerChannel, deliveredWindow, dispatchDecision, dueWindow, MAX_ATTEMPTS, renderTemplate, retryDelayMs, sendableAt } from './automation.rules';

const at = (iso: string) => new Date(iso);

describe('quiet hours', () => {
  it('holds an SMS due between 21:00 and 08:00 Shanghai until 08:00', () => {
    expect(sendableAt(MessageChannel.SMS, at('2026-03-01T13:30:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z'); // 21:30 → next day 08:00
    expect(sendableAt(MessageChannel.SMS, at('2026-03-01T18:00:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z'); // 02:00 → same day 08:00
    expect(sendableAt(MessageChannel.SMS, at('2026-03-01T23:59:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z'); // 07:59
    expect(sendableAt(MessageChannel.SMS, at('2026-03-02T00:00:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z'); // 08:00 sharp
    expect(sendableAt(MessageChannel.SMS, at('2026-03-02T12:59:00Z')).toISOString()).toBe('2026-03-02T12:59:00.000Z'); // 20:59
  });

  it('lets WeChat and in-app messages through at night', () => {
    expect(sendableAt(MessageChannel.WECHAT, at('2026-03-01T15:00:00Z')).toISOString()).toBe('2026-03-01T15:00:00.000Z');
    expect(sendableAt(MessageChannel.IN_APP, at('2026-03-01T15:00:00Z')).toISOString()).toBe('2026-03-01T15:00:00.000Z');
  });
});

describe('dispatch decision', () => {
  const night = at('2026-03-01T15:00:00Z');
  const day = at('2026-03-01T03:00:00Z');
  const contact = { openid: 'o1', mobile: '13800138000', optedOut: [] as MessageChannel[] };

  it('skips a channel the customer turned off, and a missing address', () => {
    expect(dispatchDecision({ channel: MessageChannel.SMS, customerId: 1 }, { ...contact, optedOut: [MessageChannel.SMS] }, day)).toEqual({ action: 'SKIP', reason: '客户已退订短信' });
    expect(dispatchDecision({ channel: MessageChannel.WECHAT, customerId: 1 }, { ...contact, openid: null }, day)).toMatchObject({ action: 'SKIP' });
  });

  it('defers an SMS at night and sends it by day', () => {
    expect(dispatchDecision({ channel: MessageChannel.SMS, customerId: 1 }, contact, night)).toEqual({ action: 'DEFER', until: at('2026-03-02T00:00:00Z') });
    expect(dispatchDecision({ channel: MessageChannel.SMS, customerId: 1 }, contact, day)).toEqual({ action: 'SEND', to: '13800138000' });
    expect(dispatchDecision({ channel: MessageChannel.WECHAT, customerId: 1 }, contact, night)).toEqual({ action: 'SEND', to: 'o1' });
  });

  it('sends staff and in-app messages without an address', () => {
    expect(dispatchDecision({ channel: MessageChannel.IN_APP, customerId: null }, null, night)).toEqual({ action: 'SEND', to: null });
  });
});

describe('retries', () => {
  it('backs off and parks the message after the last attempt', () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(2)).toBe(300_000);
    expect(retryDelayMs(MAX_ATTEMPTS - 1)).toBe(7_200_000);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
  });
});

describe('windows and templates', () => {
  it('catches up missed days but never sends more than catchUpDays late', () => {
    expect(dueWindow('2026-03-10', 30, 3)).toEqual({ from: '2026-04-06', to: '2026-04-09' });
    expect(dueWindow('2026-03-10', 0, 0)).toEqual({ from: '2026-03-10', to: '2026-03-10' });
    expect(deliveredWindow({ from: '2026-03-31', to: '2026-04-02' }, 1)).toEqual({ from: '2026-02-28', to: '2026-03-02' });
  });

  it('fills placeholders and leaves nothing for a missing value', () => {
    expect(renderTemplate('{name}您好，{plate}的保险将于{date}到期', { name: '张先生', plate: null, date: '2026-04-09' })).toBe('张先生您好，的保险将于2026-04-09到期');
  });
});

describe('customer channel', () => {
  const both = { openid: 'o1', mobile: '13800138000', optedOut: [] as MessageChannel[] };

  it('uses the preferred channel when the customer can get it there', () => {
    expect(customerChannel(MessageChannel.WECHAT, both)).toBe(MessageChannel.WECHAT);
    expect(customerChannel(MessageChannel.SMS, both)).toBe(MessageChannel.SMS);
  });

  it('falls back to the other outside channel, then to the inbox, never to one turned off', () => {
    expect(customerChannel(MessageChannel.WECHAT, { ...both, openid: null })).toBe(MessageChannel.SMS);
    expect(customerChannel(MessageChannel.SMS, { ...both, optedOut: [MessageChannel.SMS] })).toBe(MessageChannel.WECHAT);
    expect(customerChannel(MessageChannel.WECHAT, { openid: null, mobile: '13800138000', optedOut: [MessageChannel.SMS] })).toBe(MessageChannel.IN_APP);
    expect(customerChannel(MessageChannel.IN_APP, both)).toBe(MessageChannel.IN_APP);
  });
});
