import type { Store } from '../api/stores';
import type { AsyncResource } from '../hooks/use-async-resource';
import { ChoiceList, type Choice } from './choice-list';
import { EmptyState, ErrorState, SkeletonCards } from './page-states';

interface StoreChoiceListProps {
  stores: AsyncResource<Store[]>;
  selectedId: number | null;
  onSelect: (storeId: number) => void;
}

const storeChoice = (store: Store): Choice => ({ key: store.id, title: store.name, subtitle: store.address, tag: store.city });

/** The stores to pick one from (试驾, 保养, 推荐好友), with the list's loading, error and empty states. */
export function StoreChoiceList({ stores, selectedId, onSelect }: StoreChoiceListProps) {
  if (stores.loading && !stores.data) return <SkeletonCards count={3} cardHeight={120} />;
  if (stores.errorMessage) return <ErrorState message={stores.errorMessage} onRetry={() => void stores.reload()} />;
  if (!stores.data?.length) return <EmptyState title='暂无可预约的门店' description='门店信息整理中，请稍后再来看看' />;
  return <ChoiceList choices={stores.data.map(storeChoice)} selectedKey={selectedId} onSelect={onSelect} testId='store-choice' />;
}
