import { describe, expect, it } from '@jest/globals';
import { apiErrorFromResponse, messageOf, networkError } from './api-error';

describe('apiErrorFromResponse', () => {
  it('shows the Chinese message from the table for a known code', () => {
    const error = apiErrorFromResponse(429, { statusCode: 429, code: 'SMS_TOO_FREQUENT', message: 'too many', requestId: 'r1' });
    expect(error.message).toBe('操作太频繁，请稍后再试');
    expect(error.code).toBe('SMS_TOO_FREQUENT');
    expect(error.requestId).toBe('r1');
  });

  it('names the first invalid field of a VALIDATION_FAILED answer', () => {
    const error = apiErrorFromResponse(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '输入有误：mobile: 请输入正确的 11 位手机号',
      details: [{ path: 'mobile', message: '请输入正确的 11 位手机号' }],
    });
    expect(error.message).toBe('输入有误：请输入正确的 11 位手机号');
  });

  it("falls back to the server's message for a code not in the table", () => {
    const error = apiErrorFromResponse(409, { statusCode: 409, code: 'SOMETHING_NEW', message: '新的业务提示' });
    expect(error.message).toBe('新的业务提示');
  });

  it('answers a body that is not an API error with a generic message', () => {
    const error = apiErrorFromResponse(502, '<html>Bad Gateway</html>');
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
  });

  it('tells the customer a slot was just taken in the words of the booking flow', () => {
    const error = apiErrorFromResponse(409, { statusCode: 409, code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' });
    expect(error.message).toBe('该时段刚被约满，请选择其他时段');
  });
});

describe('messageOf', () => {
  it('asks to check the network after a network failure', () => {
    expect(messageOf(networkError())).toBe('网络异常，请检查网络后重试');
  });

  it('never shows a raw exception', () => {
    expect(messageOf(new TypeError('x is undefined'))).toBe('服务暂时不可用，请稍后再试');
  });
});
