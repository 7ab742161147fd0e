import { describe, expect, it } from '@jest/globals';
import { referralOf } from './referral-form';

const filled = { name: ' 周杰 ', mobile: '13812345678', storeId: 1, modelId: null, note: '' };

describe('referralOf', () => {
  it('sends a friend with a trimmed name, a mainland mobile and a store, leaving out what was left empty', () => {
    expect(referralOf(filled)).toEqual({ input: { name: '周杰', mobile: '13812345678', storeId: 1 } });
  });

  it('sends the model and the note when given', () => {
    expect(referralOf({ ...filled, modelId: 3, note: ' 周末方便 ' })).toEqual({
      input: { name: '周杰', mobile: '13812345678', storeId: 1, modelId: 3, note: '周末方便' },
    });
  });

  it("asks for the friend's name first, and not one longer than the server takes", () => {
    expect(referralOf({ ...filled, name: '  ' })).toEqual({ problem: '请填写好友姓名' });
    expect(referralOf({ ...filled, name: '周'.repeat(65) })).toEqual({ problem: '好友姓名不能超过 64 个字' });
  });

  it("asks for the friend's mobile, and a correct one", () => {
    expect(referralOf({ ...filled, mobile: '' })).toEqual({ problem: '请输入好友的手机号' });
    expect(referralOf({ ...filled, mobile: '1381234567' })).toEqual({ problem: '请输入正确的 11 位手机号' });
    expect(referralOf({ ...filled, mobile: '12812345678' })).toEqual({ problem: '请输入正确的 11 位手机号' });
  });

  it('asks which store should call the friend', () => {
    expect(referralOf({ ...filled, storeId: null })).toEqual({ problem: '请选择意向门店' });
  });

  it('refuses a note longer than the server takes', () => {
    expect(referralOf({ ...filled, note: '好'.repeat(201) })).toEqual({ problem: '备注不能超过 200 个字' });
  });
});
