import { isTransientConnectionLoss } from './connection-loss';

describe('transient database connection loss', () => {
  it('recognises a fatal driver error in the connection SQLSTATE class', () => {
    expect(isTransientConnectionLoss({ fatal: true, sqlState: '08S01', code: 'ER_WRONG_IANA_TIMEZONE' })).toBe(true);
    expect(isTransientConnectionLoss({ fatal: true, code: 'ECONNREFUSED' })).toBe(true);
  });

  it('does not excuse other errors', () => {
    expect(isTransientConnectionLoss(new Error('bug'))).toBe(false);
    expect(isTransientConnectionLoss({ fatal: false, sqlState: '08S01' })).toBe(false);
    expect(isTransientConnectionLoss({ fatal: true, sqlState: '42000', code: 'ER_PARSE_ERROR' })).toBe(false);
    expect(isTransientConnectionLoss(undefined)).toBe(false);
  });
});
