import { PlusOutlined } from '@ant-design/icons';
import { ROADSHOW_FORMATS, type RoadshowFormat, type RoadshowListItemDto } from '@lianqiao/contracts';
import { Alert, Button, Card, DatePicker, Flex, Input, Segmented, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoadshowListFilters } from '../../modules/events/api/events-api';
import { RoadshowCalendar } from '../../modules/events/components/RoadshowCalendar';
import { RoadshowFormDrawer } from '../../modules/events/components/RoadshowFormDrawer';
import { useRoadshowList } from '../../modules/events/hooks/useEvents';
import { formatWan } from '../../modules/events/utils';
import { describeError } from '../../shared/http';
import { sortOrderOf, sortParamOf } from '../../shared/hooks/tableSort';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader, SearchInput } from '../../shared/layout';

const FILTER_KEYS = ['q', 'city', 'format', 'from', 'to', 'sort', 'view'] as const;

/** 推介会: the list (filtered, sortable by what each event yielded) and the month's calendar. */
export default function RoadshowsPage() {
  const { t } = useTranslation();
  const [raw, setFilters] = useUrlFilters(FILTER_KEYS);
  const filters = useMemo<RoadshowListFilters>(
    () => ({
      q: raw.q,
      city: raw.city,
      format: ROADSHOW_FORMATS.includes(raw.format as RoadshowFormat) ? (raw.format as RoadshowFormat) : undefined,
      from: raw.from,
      to: raw.to,
      sort: raw.sort,
    }),
    [raw.q, raw.city, raw.format, raw.from, raw.to, raw.sort],
  );
  const view = raw.view === 'calendar' ? 'calendar' : 'list';
  const list = useRoadshowList(filters);
  const [drawer, setDrawer] = useState({ open: false, key: 0 });

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  return (
    <>
      <PageHeader
        title={t('events.roadshows.title')}
        subtitle={t('events.roadshows.subtitle')}
        extra={
          <>
            <Segmented
              value={view}
              onChange={(value) => setFilters({ view: value === 'calendar' ? 'calendar' : undefined })}
              options={[
                { value: 'list', label: t('events.roadshows.listView') },
                { value: 'calendar', label: t('events.roadshows.calendarView') },
              ]}
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((current) => ({ open: true, key: current.key + 1 }))}
            >
              {t('events.roadshows.create')}
            </Button>
          </>
        }
      />
      {view === 'calendar' ? (
        <RoadshowCalendar />
      ) : (
        <Card variant="borderless">
          <Flex gap={12} wrap style={{ marginBottom: 16 }}>
            <SearchInput
              value={filters.q}
              onSearch={(q) => setFilters({ q })}
              placeholder={t('events.roadshows.searchPlaceholder')}
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
            <Select
              allowClear
              value={filters.format}
              placeholder={t('events.roadshows.formatPlaceholder')}
              style={{ width: 160 }}
              onChange={(format?: string) => setFilters({ format })}
              options={ROADSHOW_FORMATS.map((value) => ({ value, label: t(`events.formats.${value}`) }))}
            />
            <DatePicker.RangePicker
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(range) =>
                setFilters({
                  from: range?.[0]?.startOf('day').toISOString(),
                  to: range?.[1]?.endOf('day').toISOString(),
                })
              }
            />
            <Button onClick={() => setFilters(null)}>{t('common.reset')}</Button>
          </Flex>
          {list.isError ? (
            <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
          ) : null}
          <Table<RoadshowListItemDto>
            rowKey="id"
            dataSource={list.items}
            loading={list.refreshing}
            pagination={false}
            scroll={{ x: 900 }}
            onChange={(_, __, sorter) => setFilters({ sort: sortParamOf(sorter) })}
            columns={[
              {
                ...sortable('name'),
                title: t('events.roadshows.columns.name'),
                render: (_, r) => <Link to={`/roadshows/${r.id}`}>{r.name}</Link>,
              },
              { key: 'city', title: t('events.roadshows.columns.city'), dataIndex: 'city' },
              {
                ...sortable('startsAt'),
                title: t('events.roadshows.columns.startsAt'),
                render: (_, r) =>
                  `${dayjs(r.startsAt).format('YYYY-MM-DD HH:mm')} – ${dayjs(r.endsAt).format('MM-DD HH:mm')}`,
              },
              {
                key: 'format',
                title: t('events.roadshows.columns.format'),
                render: (_, r) => <Tag>{t(`events.formats.${r.format}`)}</Tag>,
              },
              {
                ...sortable('attendees'),
                title: t('events.roadshows.columns.attendees'),
                align: 'right',
                render: (_, r) => r.yield.attendees,
              },
              {
                ...sortable('leads'),
                title: t('events.roadshows.columns.leads'),
                align: 'right',
                render: (_, r) => r.yield.leads,
              },
              {
                ...sortable('signedProjects'),
                title: t('events.roadshows.columns.signedProjects'),
                align: 'right',
                render: (_, r) => r.yield.signedProjects,
              },
              {
                ...sortable('contractedWan'),
                title: t('events.roadshows.columns.contractedWan'),
                align: 'right',
                render: (_, r) => formatWan(r.yield.contractedWan),
              },
            ]}
          />
          <LoadMoreFooter list={list} />
        </Card>
      )}
      <RoadshowFormDrawer
        key={drawer.key}
        open={drawer.open}
        roadshow={null}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
