import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { messageOf } from '../api/api-error';
import { getMe } from '../api/me';
import { getAccessToken } from '../api/session-storage';
import { useSingleFlight } from './use-single-flight';

const VERIFY_MOBILE_LOGIN_URL = '/pages/login/index?purpose=verify-mobile';

/** Not signed in, or signed in without ever proving a mobile by SMS code (a WeChat-only customer). */
async function mobileVerified(): Promise<boolean> {
  if (getAccessToken() === null) return false;
  const me = await getMe();
  return me.mobileVerified;
}

/**
 * For steps only an owner who proved their mobile may take: binding a car, which is on file under the mobile
 * given at purchase. `requireVerifiedMobile(next)` runs `next` at once when `GET /me` says the mobile is
 * verified; otherwise it opens SMS verification straight away (an SMS sign-in also signs in), and runs `next`
 * when the page shows again with the mobile verified. Backing out of verification drops `next`.
 * `verifyMobile(next)` skips the check, for a server answer of MOBILE_NOT_VERIFIED.
 */
export function useVerifiedMobileGate() {
  const { busy, run } = useSingleFlight();
  const afterVerification = useRef<(() => void) | null>(null);

  useDidShow(() => {
    const next = afterVerification.current;
    if (!next) return;
    afterVerification.current = null;
    void run(async () => {
      // Verified decides, not a changed token: the same customer may verify and get a token alike to the old one.
      const verified = await mobileVerified().catch(() => false);
      // Navigating while the page is still sliding back in is dropped by the H5 router; wait a tick.
      if (verified) setTimeout(next, 0);
    });
  });

  const verifyMobile = useCallback((next: () => void) => {
    afterVerification.current = next;
    void Taro.navigateTo({ url: VERIFY_MOBILE_LOGIN_URL });
  }, []);

  const requireVerifiedMobile = useCallback(
    (next: () => void) =>
      run(async () => {
        let verified: boolean;
        try {
          verified = await mobileVerified();
        } catch (error) {
          void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 2500 });
          return;
        }
        if (verified) next();
        else verifyMobile(next);
      }),
    [run, verifyMobile],
  );

  return { busy, requireVerifiedMobile, verifyMobile };
}
