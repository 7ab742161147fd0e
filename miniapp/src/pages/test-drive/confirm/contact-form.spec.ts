import { describe, expect, it } from '@jest/globals';
import { contactFormError } from './contact-form';

describe('contactFormError', () => {
  it('accepts a name and a mainland mobile', () => {
    expect(contactFormError({ contactName: '王先生', mobile: '13912345678' })).toBeNull();
  });

  it('asks for a name first', () => {
    expect(contactFormError({ contactName: '  ', mobile: '' })).toBe('请填写联系人姓名');
  });

  it('refuses a mobile that is not 11 digits, such as a masked one', () => {
    expect(contactFormError({ contactName: '王先生', mobile: '139****5678' })).toBe('请输入正确的 11 位手机号');
  });
});
