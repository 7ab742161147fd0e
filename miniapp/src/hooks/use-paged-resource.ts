import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/api-error';
import type { Page } from '../api/page';
import { appendPage, hasMorePages } from './paged-list';

export interface PagedResource<Item> {
  items: Item[] | undefined;
  /** The first page is loading (or loading again). */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  total: number;
  /** A message ready to show for the first page, or null. */
  errorMessage: string | null;
  /** A message ready to show for a later page, or null; what is shown stays. */
  loadMoreError: string | null;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A newest-first list read a page at a time: the first page on mount and whenever the page shows again (other
 * pages change the list), later pages on `loadMore` (加载更多, or reaching the bottom). An answer that arrives
 * after a reload started is dropped, so a slow page never mixes into a fresh list.
 */
export function usePagedResource<Item extends { id: number }>(loadPage: ((page: number, pageSize: number) => Promise<Page<Item>>) | null, pageSize = 20): PagedResource<Item> {
  const [items, setItems] = useState<Item[]>();
  const [loadedPage, setLoadedPage] = useState(0);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const generation = useRef(0);
  const moreInFlight = useRef(false);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    moreInFlight.current = false;
    setLoading(true);
    setLoadingMore(false);
    setErrorMessage(null);
    setLoadMoreError(null);
    try {
      const answer = loadPage ? await loadPage(1, pageSize) : { items: [], total: 0, page: 1, pageSize };
      if (current !== generation.current) return;
      setItems(answer.items);
      setLoadedPage(1);
      setTotal(answer.total);
      setHasMore(hasMorePages(answer));
    } catch (error) {
      if (current === generation.current) setErrorMessage(messageOf(error));
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, [loadPage, pageSize]);

  const loadMore = useCallback(async () => {
    if (!loadPage || !hasMore || loading || moreInFlight.current) return;
    const current = generation.current;
    moreInFlight.current = true;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const answer = await loadPage(loadedPage + 1, pageSize);
      if (current !== generation.current) return;
      setItems((shown) => appendPage(shown ?? [], answer.items));
      setLoadedPage(answer.page);
      setTotal(answer.total);
      setHasMore(hasMorePages(answer));
    } catch (error) {
      if (current === generation.current) setLoadMoreError(messageOf(error));
    } finally {
      if (current === generation.current) {
        moreInFlight.current = false;
        setLoadingMore(false);
      }
    }
  }, [loadPage, pageSize, hasMore, loading, loadedPage]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const shown = useRef(false);
  useDidShow(() => {
    // The first show is the mount, which the effect has already loaded for.
    if (shown.current) void reload();
    shown.current = true;
  });

  return { items, loading, loadingMore, hasMore, total, errorMessage, loadMoreError, reload, loadMore };
}
