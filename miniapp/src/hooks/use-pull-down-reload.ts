import Taro, { usePullDownRefresh } from '@tarojs/taro';

/** Pulling the page down reads these again; the spinner closes once all have answered (or failed). */
export function usePullDownReload(...reloads: Array<() => Promise<void>>) {
  usePullDownRefresh(() => {
    void Promise.all(reloads.map((reload) => reload())).finally(() => Taro.stopPullDownRefresh());
  });
}
