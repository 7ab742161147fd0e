import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { loginWithSmsCode, loginWithWechatCode, sendSmsCode, type CustomerSession } from '../api/auth';
import { getH5DevLoginId, saveAccessToken } from '../api/session-storage';

/** Outside WeChat there is no wx.login; the server's dev WeChat adapter accepts this prefix instead. */
const H5_DEV_CODE_PREFIX = 'h5-dev-';

async function obtainWechatLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return `${H5_DEV_CODE_PREFIX}${getH5DevLoginId()}`;
  const { code } = await Taro.login();
  return code;
}

/** Logging in by WeChat or by SMS code; both end with the token saved. `busy` while a login is in flight. */
export function useCustomerLogin() {
  const [busy, setBusy] = useState(false);

  const completeLogin = useCallback(async (login: () => Promise<CustomerSession>) => {
    setBusy(true);
    try {
      const session = await login();
      saveAccessToken(session.accessToken);
    } finally {
      setBusy(false);
    }
  }, []);

  const loginWithWechat = useCallback(
    () => completeLogin(async () => loginWithWechatCode(await obtainWechatLoginCode())),
    [completeLogin],
  );

  const loginWithSms = useCallback(
    (mobile: string, code: string) => completeLogin(() => loginWithSmsCode(mobile, code)),
    [completeLogin],
  );

  return { busy, loginWithWechat, loginWithSms, sendSmsCode };
}
