import { Text, View } from '@tarojs/components';
import type { PagedResource } from '../hooks/use-paged-resource';
import { ActionButton } from './action-button';
import './load-more-footer.scss';

interface LoadMoreFooterProps {
  list: Pick<PagedResource<{ id: number }>, 'hasMore' | 'loadingMore' | 'loadMoreError' | 'loadMore'>;
  moreTestId?: string;
  endTestId?: string;
}

/**
 * The end of a paged list: 加载更多 while pages remain (reaching the bottom loads them too; the button is there
 * should the scroll not register, and to retry a failed page), else 没有更多了.
 */
export function LoadMoreFooter({ list, moreTestId, endTestId }: LoadMoreFooterProps) {
  return (
    <View>
      {list.loadMoreError && <Text className='load-more-footer__error'>{list.loadMoreError}</Text>}
      {list.hasMore ? (
        <View className='load-more-footer__more'>
          <ActionButton variant='plain' busy={list.loadingMore} onClick={() => void list.loadMore()} testId={moreTestId}>
            {list.loadingMore ? '加载中…' : list.loadMoreError ? '重新加载' : '加载更多'}
          </ActionButton>
        </View>
      ) : (
        <Text className='load-more-footer__end' data-testid={endTestId}>
          没有更多了
        </Text>
      )}
    </View>
  );
}
