import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { getAccessToken } from '../api/session-storage';

const LOGIN_URL = '/pages/login/index';

interface LoginGateOptions {
  /** The page is nothing without the token (my bookings, a car's file): open login as it loads, if signed out. */
  askOnLoad?: boolean;
}

/**
 * For steps that need the customer's token. `requireLogin(next)` runs `next` at once when signed in;
 * otherwise it opens the login page, which returns here when done, and runs `next` as the page shows
 * again, so the customer carries on where they were. Backing out of login drops `next`.
 */
export function useLoginGate({ askOnLoad = false }: LoginGateOptions = {}) {
  const [loggedIn, setLoggedIn] = useState(() => getAccessToken() !== null);
  const afterLogin = useRef<(() => void) | null>(null);

  useDidShow(() => {
    const hasToken = getAccessToken() !== null;
    setLoggedIn(hasToken);
    const next = afterLogin.current;
    afterLogin.current = null;
    // Navigating while the page is still sliding back in is dropped by the H5 router; wait a tick.
    if (next && hasToken) setTimeout(next, 0);
  });

  const requireLogin = useCallback((next: () => void = () => {}) => {
    if (getAccessToken() !== null) {
      next();
      return;
    }
    afterLogin.current = next;
    void Taro.navigateTo({ url: LOGIN_URL });
  }, []);

  useLoad(() => {
    if (askOnLoad && getAccessToken() === null) requireLogin();
  });

  return { loggedIn, requireLogin };
}
