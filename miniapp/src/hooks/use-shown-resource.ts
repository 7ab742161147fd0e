import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useAsyncResource, type AsyncResource } from './use-async-resource';

/**
 * `useAsyncResource` that is read again whenever the page shows again, for data other pages change
 * (a booking made, a car bound, a reading reported).
 */
export function useShownResource<T>(load: () => Promise<T>): AsyncResource<T> {
  const resource = useAsyncResource(load);
  const shown = useRef(false);

  useDidShow(() => {
    // The first show is the mount, which useAsyncResource has already loaded for.
    if (shown.current) void resource.reload();
    shown.current = true;
  });

  return resource;
}
