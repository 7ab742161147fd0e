import type { ReactNode } from 'react';
import { Empty, Result, Skeleton } from 'antd';
import { LoadError } from '../../components/load-error';
import type { RemoteData } from '../../hooks/use-remote-data';
import { StoreMissing } from './store-picker';
import type { StoreChoice } from './use-store-choice';

interface StoreBoardContentProps<T> {
  choice: StoreChoice;
  /** The board's data for the chosen store. */
  board: RemoteData<T>;
  /** What the board shows, for the failure title: 排班 → 排班加载失败. */
  what: string;
  skeletonRows: number;
  /** Goes back to the staff member's own (or first) store. */
  onResetStore: () => void;
  'data-testid': string;
  /** Draws the board once its data is there. */
  children: (data: NonNullable<T>) => ReactNode;
}

/**
 * A store's board (试驾排班, 明日到店, 预约日历), or what it shows instead: the store missing or out of scope,
 * the stores failing to load, no store to see, the board failing to load, or loading.
 */
export function StoreBoardContent<T>({ choice, board, what, skeletonRows, onResetStore, 'data-testid': testId, children }: StoreBoardContentProps<T>) {
  if (choice.missing) return <StoreMissing onReset={onResetStore} />;
  if (!choice.fixed && choice.stores.error) {
    return <LoadError what="门店" error={choice.stores.error} onRetry={choice.stores.reload} data-testid={testId} />;
  }
  if (!choice.storeId && !choice.stores.loading) return <Empty description="没有可查看的门店" />;
  if (board.error && !board.data) {
    return board.error.status === 404 ? (
      <Result status="404" title="记录不存在或无权查看" subTitle="该门店不存在，或不在您的权限范围内。" data-testid={testId} />
    ) : (
      <LoadError what={what} error={board.error} onRetry={board.reload} data-testid={testId} />
    );
  }
  if (!board.data) return <Skeleton active paragraph={{ rows: skeletonRows }} />;
  return children(board.data);
}
