import { describe, expect, it } from '@jest/globals';
import { apiErrorFromResponse, messageOf, networkError, outcomeUnknown } from './api-error';

describe('apiErrorFromResponse', () => {
  it("shows the server's Chinese message and keeps its code and request id", () => {
    const error = apiErrorFromResponse(429, { statusCode: 429, code: 'SMS_TOO_FREQUENT', message: '验证码发送过于频繁，请 60 秒后再试', requestId: 'r1' });
    expect(error.message).toBe('验证码发送过于频繁，请 60 秒后再试');
    expect(error.code).toBe('SMS_TOO_FREQUENT');
    expect(error.requestId).toBe('r1');
  });

  it('names the first invalid field of a VALIDATION_FAILED answer without its API name', () => {
    const error = apiErrorFromResponse(400, {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '输入有误：mobile: 请输入正确的 11 位手机号',
      details: [{ path: 'mobile', message: '请输入正确的 11 位手机号' }],
    });
    expect(error.message).toBe('输入有误：请输入正确的 11 位手机号');
  });

  it("keeps the server's numbers, such as the store's change cut-off or the points a reward needs", () => {
    expect(apiErrorFromResponse(409, { statusCode: 409, code: 'CHANGE_CUTOFF_PASSED', message: '开始前 2 小时内不能在线改约或取消' }).message).toBe(
      '开始前 2 小时内不能在线改约或取消',
    );
    expect(apiErrorFromResponse(409, { statusCode: 409, code: 'INSUFFICIENT_POINTS', message: '积分不足：需要 800，当前可用 120' }).message).toBe(
      '积分不足：需要 800，当前可用 120',
    );
  });

  it('answers a body that is not an API error with a generic message', () => {
    const error = apiErrorFromResponse(502, '<html>Bad Gateway</html>');
    expect(error.code).toBe('UNEXPECTED_RESPONSE');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
  });

  it('keeps the code of an answer that came without a message, and shows the generic message', () => {
    const error = apiErrorFromResponse(409, { code: 'SLOT_FULL' });
    expect(error.code).toBe('SLOT_FULL');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
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

describe('outcomeUnknown', () => {
  it('cannot tell whether a request lost on the network or answered by a gateway error went through', () => {
    expect(outcomeUnknown(networkError())).toBe(true);
    expect(outcomeUnknown(apiErrorFromResponse(502, '<html>Bad Gateway</html>'))).toBe(true);
  });

  it('takes a 4xx as a definite no', () => {
    expect(outcomeUnknown(apiErrorFromResponse(409, { statusCode: 409, code: 'INSUFFICIENT_POINTS', message: '积分不足' }))).toBe(false);
  });
});
