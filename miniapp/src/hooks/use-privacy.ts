import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ApiError, messageOf } from '../api/api-error';
import { acceptPrivacyPolicy, deleteMyAccount, exportMyData, getPrivacyStatus, type MyDataExport, type PrivacyStatus } from '../api/privacy';
import { clearAccessToken } from '../api/session-storage';
import { exportFileNameOf, exportTextOf } from '../format/privacy';
import { leaveSignOutNotice } from '../state/sign-out-notice';
import { useAsyncResource } from './use-async-resource';
import { useSingleFlight } from './use-single-flight';

const ME_URL = '/pages/me/index';

function showMessage(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

/**
 * The policy the customer accepted, and `accept` for the one in force. Should the policy change again while the
 * page is open (409 CONSENT_VERSION_OUTDATED), the status is read again, so the banner names the new version.
 */
export function usePrivacyConsent(enabled: boolean) {
  const load = useCallback(() => (enabled ? getPrivacyStatus() : Promise.resolve<PrivacyStatus | undefined>(undefined)), [enabled]);
  const resource = useAsyncResource(load);
  const [accepted, setAccepted] = useState<PrivacyStatus>();
  const { busy, run } = useSingleFlight();
  const status = accepted ?? resource.data;

  const { reload: reloadResource } = resource;
  const reload = useCallback(async () => {
    setAccepted(undefined);
    await reloadResource();
  }, [reloadResource]);

  const accept = useCallback(
    () =>
      run(async () => {
        if (!status) return;
        try {
          setAccepted(await acceptPrivacyPolicy(status.currentVersion));
          void Taro.showToast({ title: '已同意', icon: 'success' });
        } catch (error) {
          showMessage(messageOf(error));
          if (error instanceof ApiError && error.code === 'CONSENT_VERSION_OUTDATED') await reload();
        }
      }),
    [run, status, reload],
  );

  return { status, loading: resource.loading, errorMessage: resource.errorMessage, reload, accepting: busy, accept };
}

/** H5 can hand the customer a file; the weapp has no plain "save file" for JSON, so it copies instead. */
export const CAN_DOWNLOAD_FILE = process.env.TARO_ENV === 'h5';

/** Saves `text` as a file through a Blob link, in the browser. */
function downloadInBrowser(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked a moment later: the browser reads the Blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A copy of everything held about the customer, fetched on request only (each export is recorded). Once
 * fetched, `download` saves it as a file (H5) and `copy` puts it on the clipboard (both).
 */
export function useMyDataExport() {
  const [data, setData] = useState<MyDataExport>();
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const { busy, run } = useSingleFlight();

  const fetch = useCallback(
    () =>
      run(async () => {
        setErrorMessage(null);
        try {
          setData(await exportMyData());
        } catch (error) {
          setErrorMessage(messageOf(error));
        }
      }),
    [run],
  );

  const copy = useCallback(() => {
    if (!data) return;
    // Both platforms confirm with their own 内容已复制 toast.
    Taro.setClipboardData({ data: exportTextOf(data) }).catch(() => showMessage('复制失败，请稍后再试'));
  }, [data]);

  const download = useCallback(() => {
    // Spelled out rather than CAN_DOWNLOAD_FILE so the weapp build drops the browser code.
    if (!data || process.env.TARO_ENV !== 'h5') return;
    downloadInBrowser(exportFileNameOf(data), exportTextOf(data));
  }, [data]);

  return { data, fetching: busy, errorMessage, fetch, copy, download };
}

/** Back on 我的, signed out, from a fresh page stack: pages left open would still act for the deleted account. */
function leaveSignedOut(message: string) {
  clearAccessToken();
  leaveSignOutNotice(message);
  void Taro.reLaunch({ url: ME_URL });
}

/**
 * Deleting the account. Once it is done the token is refused, so the customer is signed out. A 401 means the
 * account is gone already (a first tap whose answer was lost) or the sign-in ran out: signed out either way.
 */
export function useAccountDeletion() {
  const { busy, run } = useSingleFlight();

  const remove = useCallback(
    (confirm: string) =>
      run(async () => {
        try {
          await deleteMyAccount(confirm);
          leaveSignedOut('账号已注销，感谢您的使用');
        } catch (error) {
          if (error instanceof ApiError && error.statusCode === 401) {
            leaveSignedOut('账号已注销或登录已失效');
            return;
          }
          // Not resent by the client. Should a lost answer hide a deletion that happened, tapping again meets the 401.
          showMessage(messageOf(error));
        }
      }),
    [run],
  );

  return { deleting: busy, remove };
}
