import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeysetList } from '../hooks/useKeysetList';

/**
 * Under a keyset-paged list: how many are shown of how many ("约 N 条" when the total is the
 * database's estimate), and the button for the next page.
 */
export function LoadMoreFooter({
  list,
}: {
  list: Pick<
    KeysetList<unknown>,
    'items' | 'total' | 'totalIsEstimate' | 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'
  >;
}) {
  const { items, total, totalIsEstimate: estimate, hasNextPage: hasMore, isFetchingNextPage: loading } = list;
  const shown = items.length;
  const onLoadMore = () => void list.fetchNextPage();
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <Flex justify="space-between" align="center" style={{ padding: '12px 4px 0' }}>
      <Typography.Text type="secondary" data-testid="list-count">
        {estimate
          ? t('common.shownOfAbout', { shown, total: total.toLocaleString() })
          : t('common.shownOfTotal', { shown, total })}
      </Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('common.allLoaded')}</Typography.Text>
      )}
    </Flex>
  );
}
