import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../api/api-error';
import { getMe, updateMe, type CustomerProfile, type UpdateProfileInput } from '../api/me';
import { clearAccessToken, getAccessToken } from '../api/session-storage';

/**
 * The signed-in customer, re-read each time the page shows, since logging in happens on another page.
 * `update` saves a change (the birthday) and shows the profile the server answers; it throws what went wrong.
 */
export function useCustomerProfile() {
  const [loggedIn, setLoggedIn] = useState(() => getAccessToken() !== null);
  const [profile, setProfile] = useState<CustomerProfile>();
  const [loading, setLoading] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const latestRequestId = useRef(0);

  const refresh = useCallback(async () => {
    const requestId = ++latestRequestId.current;
    const hasToken = getAccessToken() !== null;
    setLoggedIn(hasToken);
    setErrorMessage(null);
    if (!hasToken) {
      setProfile(undefined);
      return;
    }
    setLoading(true);
    try {
      const me = await getMe();
      if (requestId === latestRequestId.current) setProfile(me);
    } catch (error) {
      if (requestId !== latestRequestId.current) return;
      // A 401 has already cleared the token; show the signed-out state rather than an error.
      setLoggedIn(getAccessToken() !== null);
      setErrorMessage(messageOf(error));
    } finally {
      if (requestId === latestRequestId.current) setLoading(false);
    }
  }, []);

  useDidShow(() => {
    void refresh();
  });

  const update = useCallback(async (input: UpdateProfileInput) => {
    const updated = await updateMe(input);
    // A read started before the save would answer the old profile: it is dropped.
    latestRequestId.current++;
    setLoading(false);
    setProfile(updated);
  }, []);

  const logout = useCallback(() => {
    latestRequestId.current++;
    clearAccessToken();
    setLoggedIn(false);
    setProfile(undefined);
    setErrorMessage(null);
    setLoading(false);
  }, []);

  return { loggedIn, profile, loading, errorMessage, refresh, update, logout };
}
