import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { PROMO_KINDS, type PromoKind } from '@lianqiao/contracts';
import { Alert, App, Button, Card, Flex, Select, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { promoApi } from '../../modules/promo-projects/api/promo-api';
import { saveFile } from '../../modules/promo-projects/api/authorized-fetch';
import { PromoTable } from '../../modules/promo-projects/components/PromoTable';
import { usePromoList } from '../../modules/promo-projects/hooks/usePromoProjects';
import { useUserNames } from '../../modules/promo-projects/hooks/useUserNames';
import { canReview, PROMO_FILTER_KEYS, PROMO_TABS, promoFiltersFromUrl } from '../../modules/promo-projects/utils';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { describeError } from '../../shared/http';
import { LoadMoreFooter, PageHeader, SearchInput } from '../../shared/layout';

/** 推介项目: the cards, by status, kind and title; leaders download share packages of several at once. */
export default function PromoProjectsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [raw, setFilters] = useUrlFilters(PROMO_FILTER_KEYS);
  const { tab, filters } = useMemo(() => promoFiltersFromUrl(raw), [raw]);
  const list = usePromoList(filters);
  const ownerNames = useUserNames(list.items.map((p) => p.ownerId));
  const leader = canReview(me);
  const [selected, setSelected] = useState<string[]>([]);
  const [zipping, setZipping] = useState(false);

  const downloadZip = async () => {
    setZipping(true);
    try {
      const { blob, fileName } = await promoApi.sharePackages(selected);
      saveFile(blob, fileName);
      message.success(t('promo.packagesReady', { name: fileName }));
    } catch (error) {
      message.error(describeError(error, t));
    } finally {
      setZipping(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('promo.title')}
        subtitle={t('promo.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/promo-projects/new')}>
            {t('promo.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Tabs
          activeKey={tab}
          onChange={(next) => setFilters({ tab: next === 'all' ? undefined : next })}
          items={PROMO_TABS.map((key) => ({ key, label: t(`promo.tabs.${key}`) }))}
          style={{ marginTop: -8 }}
        />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <SearchInput
            value={filters.q}
            placeholder={t('promo.searchPlaceholder')}
            onSearch={(q) => setFilters({ q })}
          />
          <Select<PromoKind>
            allowClear
            style={{ width: 160 }}
            placeholder={t('promo.filterKind')}
            aria-label={t('promo.filterKind')}
            value={filters.kind}
            onChange={(kind) => setFilters({ kind })}
            options={PROMO_KINDS.map((kind) => ({ value: kind, label: t(`promo.kinds.${kind}`) }))}
          />
          {raw.q || raw.kind ? (
            <Button type="link" onClick={() => setFilters({ q: undefined, kind: undefined })}>
              {t('common.reset')}
            </Button>
          ) : null}
          {leader && selected.length > 0 ? (
            <Flex gap={8} align="center" style={{ marginLeft: 'auto' }}>
              <Typography.Text type="secondary">{t('promo.selectedCount', { count: selected.length })}</Typography.Text>
              <Button type="link" onClick={() => setSelected([])}>
                {t('promo.clearSelection')}
              </Button>
              <Button
                type="primary"
                icon={<DownloadOutlined />}
                loading={zipping}
                onClick={() => void downloadZip()}
                data-testid="download-packages"
              >
                {zipping ? t('promo.downloadingPackages') : t('promo.downloadPackages')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <PromoTable
          projects={list.items}
          loading={list.refreshing}
          me={me}
          ownerNames={ownerNames}
          selection={leader ? { keys: selected, onChange: setSelected } : undefined}
        />
        <LoadMoreFooter list={list} />
      </Card>
    </>
  );
}
