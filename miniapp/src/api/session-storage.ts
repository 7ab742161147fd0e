import Taro from '@tarojs/taro';

const ACCESS_TOKEN_KEY = 'customer.accessToken';
const H5_DEV_LOGIN_ID_KEY = 'customer.h5DevLoginId';

export function getAccessToken(): string | null {
  const token: unknown = Taro.getStorageSync(ACCESS_TOKEN_KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function saveAccessToken(token: string): void {
  Taro.setStorageSync(ACCESS_TOKEN_KEY, token);
}

export function clearAccessToken(): void {
  Taro.removeStorageSync(ACCESS_TOKEN_KEY);
}

/**
 * H5 has no wx.login, so it logs in with a stable dev code: the same browser is the same customer
 * across sessions, as the same WeChat user would be.
 */
export function getH5DevLoginId(): string {
  const saved: unknown = Taro.getStorageSync(H5_DEV_LOGIN_ID_KEY);
  if (typeof saved === 'string' && saved.length > 0) return saved;
  const created = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  Taro.setStorageSync(H5_DEV_LOGIN_ID_KEY, created);
  return created;
}
