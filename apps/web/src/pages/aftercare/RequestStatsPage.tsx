import type { RequestStatsRowDto } from '@lianqiao/contracts';
import {
  Alert,
  Card,
  DatePicker,
  Empty,
  Flex,
  Skeleton,
  Statistic,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestStats } from '../../modules/aftercare/hooks/useAftercare';
import { departmentLabel, formatHours } from '../../modules/aftercare/utils/stats-chart-option';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader } from '../../shared/layout';

// ECharts is the heaviest thing here: its own chunk, loaded after the figures.
const RequestStatsChart = lazy(() => import('../../modules/aftercare/components/RequestStatsChart'));

const RANGE_KEYS = ['from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 诉求统计: per department, how fast requests are resolved, how many run late, how satisfied enterprises are. */
export default function RequestStatsPage() {
  const { t } = useTranslation();
  const [raw, setRange] = useUrlFilters(RANGE_KEYS);
  const range = useMemo(
    () => ({
      ...(raw.from && DAY.test(raw.from) ? { from: raw.from } : {}),
      ...(raw.to && DAY.test(raw.to) ? { to: raw.to } : {}),
    }),
    [raw],
  );
  const stats = useRequestStats(range);
  const total = stats.data?.total;
  const rows = stats.data?.rows ?? [];
  const hours = (value: number | null) => formatHours(value, t);

  const columns: TableColumnsType<RequestStatsRowDto> = [
    { title: t('aftercare.stats.columns.department'), key: 'department', render: (_, row) => departmentLabel(row, t) },
    { title: t('aftercare.stats.columns.count'), dataIndex: 'count', align: 'right' },
    { title: t('aftercare.stats.columns.resolved'), dataIndex: 'resolved', align: 'right' },
    {
      title: t('aftercare.stats.columns.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (value: number) => (value ? <Typography.Text type="danger">{value}</Typography.Text> : value),
    },
    { title: t('aftercare.stats.columns.escalated'), dataIndex: 'escalated', align: 'right' },
    {
      title: t('aftercare.stats.columns.medianHours'),
      dataIndex: 'medianHoursToResolve',
      align: 'right',
      render: hours,
    },
    { title: t('aftercare.stats.columns.avgHours'), dataIndex: 'avgHoursToResolve', align: 'right', render: hours },
    {
      title: t('aftercare.stats.columns.satisfaction'),
      key: 'satisfaction',
      align: 'right',
      render: (_, row) =>
        row.avgSatisfaction === null ? (
          t('common.none')
        ) : (
          <span>
            {t('aftercare.stars', { value: row.avgSatisfaction.toFixed(1) })}
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              ({t('aftercare.stats.ratedOf', { count: row.ratedCount })})
            </Typography.Text>
          </span>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('aftercare.stats.title')}
        subtitle={t('aftercare.stats.subtitle')}
        extra={
          <DatePicker.RangePicker
            aria-label={t('aftercare.stats.range')}
            allowEmpty={[true, true]}
            value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
            onChange={(days) =>
              setRange({ from: days?.[0]?.format('YYYY-MM-DD'), to: days?.[1]?.format('YYYY-MM-DD') })
            }
          />
        }
      />
      {stats.isError ? (
        <Alert type="error" showIcon title={describeError(stats.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        {[
          { key: 'total', title: t('aftercare.stats.total'), value: total?.count },
          { key: 'resolved', title: t('aftercare.stats.resolved'), value: total?.resolved },
          {
            key: 'overdue',
            title: t('aftercare.stats.overdue'),
            value: total?.overdue,
            danger: Boolean(total?.overdue),
          },
          {
            key: 'median',
            title: t('aftercare.stats.medianHours'),
            value: total ? formatHours(total.medianHoursToResolve, t) : undefined,
          },
          {
            key: 'satisfaction',
            title: t('aftercare.stats.avgSatisfaction'),
            value: total?.avgSatisfaction?.toFixed(2),
            suffix: total?.avgSatisfaction != null ? '/ 5' : undefined,
          },
        ].map((figure) => (
          <Card key={figure.key} variant="borderless" data-testid={`stat-${figure.key}`} style={{ flex: '1 1 180px' }}>
            <Statistic
              title={figure.title}
              value={figure.value ?? t('common.none')}
              suffix={figure.suffix}
              loading={stats.isLoading}
              styles={figure.danger ? { content: { color: '#c83a3a' } } : undefined}
            />
          </Card>
        ))}
      </Flex>
      <Card variant="borderless" title={t('aftercare.stats.chartTitle')} style={{ marginBottom: 16 }}>
        {rows.length ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <div data-testid="stats-chart">
              <RequestStatsChart rows={rows} />
            </div>
          </Suspense>
        ) : stats.isLoading ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Empty description={t('aftercare.stats.empty')} />
        )}
      </Card>
      <Card variant="borderless">
        <Table<RequestStatsRowDto>
          rowKey={(row) => row.orgUnitId ?? 'unrouted'}
          columns={columns}
          dataSource={rows}
          loading={stats.isFetching}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftercare.stats.empty')} />,
          }}
          summary={() =>
            total && rows.length ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('aftercare.stats.totalRow')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.count}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.resolved}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {total.overdue}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {total.escalated}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {hours(total.medianHoursToResolve)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {hours(total.avgHoursToResolve)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {total.avgSatisfaction === null
                    ? t('common.none')
                    : t('aftercare.stars', { value: total.avgSatisfaction.toFixed(1) })}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </>
  );
}
