import { describe, expect, it } from '@jest/globals';
import { apiErrorFromResponse, messageOf, networkError, outcomeUnknown } from './api-error';

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

  it('says a survey was answered already, and a birthday after today is refused, in the words of 我的', () => {
    expect(apiErrorFromResponse(409, { statusCode: 409, code: 'SURVEY_ALREADY_ANSWERED', message: 'already' }).message).toBe('您已完成这次回访，感谢您的反馈');
    expect(apiErrorFromResponse(400, { statusCode: 400, code: 'BIRTHDAY_INVALID', message: '生日不能晚于今天' }).message).toBe('生日不能晚于今天，请重新选择');
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

describe('vehicle and workshop answers', () => {
  it('tells an owner who signed in without proving a mobile to verify it before binding a car', () => {
    const error = apiErrorFromResponse(403, { statusCode: 403, code: 'MOBILE_NOT_VERIFIED', message: 'mobile not verified' });
    expect(error.message).toBe('请先用车主手机号验证登录后再绑定爱车');
  });

  it('does not say whether the VIN or the plate was wrong', () => {
    const error = apiErrorFromResponse(422, { statusCode: 422, code: 'VEHICLE_NOT_MATCHED', message: 'no match' });
    expect(error.message).toBe('车架号或车牌号不匹配，或该车未登记在您验证的手机号名下，请核对后重试');
  });

  it("keeps the server's message for a change cut-off, which carries the store's own hours", () => {
    const error = apiErrorFromResponse(409, { statusCode: 409, code: 'CHANGE_CUTOFF_PASSED', message: '开始前 2 小时内不能在线改约或取消' });
    expect(error.message).toBe('开始前 2 小时内不能在线改约或取消');
  });
});

describe('points answers', () => {
  it('says plainly that the balance does not cover the reward', () => {
    const error = apiErrorFromResponse(409, { statusCode: 409, code: 'INSUFFICIENT_POINTS', message: 'insufficient' });
    expect(error.message).toBe('积分不足，暂时不能兑换');
  });

  it('offers another reward when the last one was just taken', () => {
    const error = apiErrorFromResponse(409, { statusCode: 409, code: 'OUT_OF_STOCK', message: '精致洗车券 已兑完' });
    expect(error.message).toBe('该礼品已兑完，请选择其他礼品');
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
