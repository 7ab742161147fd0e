import { mobileError } from '../../login/mobile-login-form';

export interface ContactForm {
  contactName: string;
  mobile: string;
}

const CONTACT_NAME_MAX = 64;

/** The first thing wrong with the contact details, in Chinese, or null. */
export function contactFormError({ contactName, mobile }: ContactForm): string | null {
  const name = contactName.trim();
  if (name.length === 0) return '请填写联系人姓名';
  if (name.length > CONTACT_NAME_MAX) return `联系人姓名不能超过 ${CONTACT_NAME_MAX} 个字`;
  return mobileError(mobile);
}
