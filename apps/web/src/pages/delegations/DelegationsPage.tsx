import { PlusOutlined } from '@ant-design/icons';
import { DELEGATION_DIRECTIONS, type DelegationDirection, type DelegationListItemDto } from '@lianqiao/contracts';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DelegationListFilters } from '../../modules/events/api/events-api';
import { DelegationFormDrawer } from '../../modules/events/components/DelegationFormDrawer';
import { useDelegationList } from '../../modules/events/hooks/useEvents';
import { formatWan } from '../../modules/events/utils';
import { describeError } from '../../shared/http';
import { sortOrderOf, sortParamOf } from '../../shared/hooks/tableSort';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader, SearchInput } from '../../shared/layout';

const FILTER_KEYS = ['q', 'direction', 'city', 'sort'] as const;

/** 招商小分队: outbound trips and inbound receptions, sortable by what each yielded. */
export default function DelegationsPage() {
  const { t } = useTranslation();
  const [raw, setFilters] = useUrlFilters(FILTER_KEYS);
  const filters = useMemo<DelegationListFilters>(
    () => ({
      q: raw.q,
      city: raw.city,
      direction: DELEGATION_DIRECTIONS.includes(raw.direction as DelegationDirection)
        ? (raw.direction as DelegationDirection)
        : undefined,
      sort: raw.sort,
    }),
    [raw.q, raw.city, raw.direction, raw.sort],
  );
  const list = useDelegationList(filters);
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  return (
    <>
      <PageHeader
        title={t('events.delegations.title')}
        subtitle={t('events.delegations.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer((c) => ({ open: true, key: c.key + 1 }))}
          >
            {t('events.delegations.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchInput
            value={filters.q}
            onSearch={(q) => setFilters({ q })}
            placeholder={t('events.delegations.searchPlaceholder')}
          />
          <Select
            allowClear
            value={filters.direction}
            placeholder={t('events.delegations.directionPlaceholder')}
            style={{ width: 140 }}
            onChange={(direction?: string) => setFilters({ direction })}
            options={DELEGATION_DIRECTIONS.map((value) => ({ value, label: t(`events.directions.${value}`) }))}
          />
          <Input
            allowClear
            defaultValue={filters.city}
            key={filters.city ?? ''}
            placeholder={t('events.roadshows.cityPlaceholder')}
            aria-label={t('events.roadshows.cityPlaceholder')}
            style={{ width: 140 }}
            onPressEnter={(event) => setFilters({ city: event.currentTarget.value.trim() || undefined })}
            onBlur={(event) => setFilters({ city: event.currentTarget.value.trim() || undefined })}
          />
          <Button onClick={() => setFilters(null)}>{t('common.reset')}</Button>
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<DelegationListItemDto>
          rowKey="id"
          dataSource={list.items}
          loading={list.refreshing}
          pagination={false}
          scroll={{ x: 900 }}
          onChange={(_, __, sorter) => setFilters({ sort: sortParamOf(sorter) })}
          columns={[
            {
              ...sortable('name'),
              title: t('events.delegations.columns.name'),
              render: (_, d) => <Link to={`/delegations/${d.id}`}>{d.name}</Link>,
            },
            {
              key: 'direction',
              title: t('events.delegations.columns.direction'),
              render: (_, d) => (
                <Tag color={d.direction === 'outbound' ? 'blue' : 'purple'}>
                  {t(`events.directions.${d.direction}`)}
                </Tag>
              ),
            },
            {
              key: 'cities',
              title: t('events.delegations.columns.cities'),
              render: (_, d) => d.cities.join('、') || '—',
            },
            {
              ...sortable('startsOn'),
              title: t('events.delegations.columns.dates'),
              render: (_, d) => `${d.startsOn} – ${d.endsOn}`,
            },
            {
              ...sortable('visits'),
              title: t('events.delegations.columns.visits'),
              align: 'right',
              render: (_, d) => d.yield.visits,
            },
            {
              ...sortable('leads'),
              title: t('events.delegations.columns.leads'),
              align: 'right',
              render: (_, d) => d.yield.leads,
            },
            {
              ...sortable('signedProjects'),
              title: t('events.delegations.columns.signedProjects'),
              align: 'right',
              render: (_, d) => d.yield.signedProjects,
            },
            {
              ...sortable('contractedWan'),
              title: t('events.delegations.columns.contractedWan'),
              align: 'right',
              render: (_, d) => formatWan(d.yield.contractedWan),
            },
          ]}
        />
        <LoadMoreFooter list={list} />
      </Card>
      <DelegationFormDrawer
        key={drawer.key}
        open={drawer.open}
        delegation={null}
        onClose={() => setDrawer((c) => ({ ...c, open: false }))}
      />
    </>
  );
}
