import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Under a keyset-paged list: how many are shown of how many ("约 N 条" when the total is the
 * database's estimate), and the button for the next page.
 */
export function LoadMoreFooter({
  shown,
  total,
  estimate = false,
  hasMore,
  loading,
  onLoadMore,
}: {
  shown: number;
  total: number;
  estimate?: boolean;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}) {
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
