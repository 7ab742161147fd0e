import { toErrorBody } from './error-response';

/** Errors the database raises for a request's values: a 4xx or 503 with a code, never a 500. */
describe('database errors in the error body', () => {
  it('answers a value that does not fit its column as 400 VALIDATION_FAILED naming the column', () => {
    // As Prisma 7 with the MariaDB adapter raised it for a reward's value_fen of 2^31 (found by the fuzz test).
    const outOfRange = { code: 'P2020', message: "Invalid `this.prisma.reward.create()` invocation:\nValue out of range for the type: Out of range value for column 'value_fen' at row 1" };
    expect(toErrorBody(outOfRange, 'r1')).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '输入有误：value_fen 超出允许范围',
      requestId: 'r1',
      details: [{ path: 'value_fen', message: '超出允许范围' }],
    });
    const tooLong = { code: 'P2000', message: 'too long', meta: { driverAdapterError: { cause: { kind: 'LengthMismatch', column: 'note' } } } };
    expect(toErrorBody(tooLong, 'r2')).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ path: 'note' }] });
  });

  it('answers a deadlock that outlasted its retries as 503 SERVICE_UNAVAILABLE, which a client may retry', () => {
    const deadlock = { code: 'P2034', message: 'Transaction failed due to a write conflict or a deadlock. Please retry your transaction' };
    expect(toErrorBody(deadlock, 'r3')).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers a record a query required but did not find (deleted meanwhile) as 404 NOT_FOUND', () => {
    const missing = { code: 'P2025', message: 'An operation failed because it depends on one or more records that were required but not found. No record was found for a query.' };
    expect(toErrorBody(missing, 'r5')).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('keeps any other unknown error a 500 without internals', () => {
    expect(toErrorBody(new Error('secret detail'), 'r4')).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', requestId: 'r4' });
  });
});
