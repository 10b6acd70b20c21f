import { ArrowLeftOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { CardStatsDto, CardStatsRow } from '@lianqiao/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Progress,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { EChart } from '../../modules/promo-projects/components/EChart';
import { usePromoProject, usePromoStats } from '../../modules/promo-projects/hooks/usePromoProjects';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { describeError } from '../../shared/http';
import { PageHeader } from '../../shared/layout';

const RANGE_KEYS = ['from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TOTALS = ['opens', 'uniqueVisitors', 'interests', 'leads', 'projects', 'signedWan'] as const;

type StaffRow = CardStatsDto['byStaff'][number];
type ReferralRow = CardStatsDto['byReferral'][number];

/** Who brought the most first. */
const byOpens = <T extends CardStatsRow>(rows: T[]) =>
  [...rows].sort((a, b) => b.opens - a.opens || b.interests - a.interests);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** 数据统计: a card's opens, visitors, interests, leads, projects and signed 万元 — by day, by referral code, by officer. */
export default function PromoProjectStatsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams<{ id: string }>();
  const project = usePromoProject(id);
  const [raw, setRange] = useUrlFilters(RANGE_KEYS);
  const range = useMemo(
    () => ({
      from: raw.from && DAY.test(raw.from) ? raw.from : undefined,
      to: raw.to && DAY.test(raw.to) ? raw.to : undefined,
    }),
    [raw.from, raw.to],
  );
  const stats = usePromoStats(id, range);
  const data = stats.data;
  const series = (key: keyof CardStatsRow) => data?.byDay.map((d) => d[key]) ?? [];
  const days = data?.byDay.map((d) => d.day.slice(5)) ?? [];
  const label = (key: keyof CardStatsRow): string => t(`promo.statsPage.series.${key}`);

  const staffColumns: TableColumnsType<StaffRow> = [
    { title: t('promo.statsPage.staff'), dataIndex: 'displayName' },
    ...metricColumns<StaffRow>(label),
  ];
  const referralColumns: TableColumnsType<ReferralRow> = [
    {
      title: t('promo.statsPage.referralCode'),
      dataIndex: 'referralCode',
      render: (code: string | null) =>
        code ?? <Typography.Text type="secondary">{t('promo.statsPage.noReferral')}</Typography.Text>,
    },
    {
      title: t('promo.statsPage.staff'),
      dataIndex: 'displayName',
      render: (name: string | null, row) =>
        name ?? (row.referralCode ? t('promo.statsPage.unknownUser') : t('common.none')),
    },
    ...metricColumns<ReferralRow>(label),
  ];

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('promo.detail.backToList')}
              onClick={() => navigate(`/promo-projects/${id}`)}
            />
            <span>{t('promo.statsPage.title', { title: project.data?.title ?? '' })}</span>
          </Flex>
        }
        subtitle={t('promo.statsPage.subtitle')}
        extra={
          <DatePicker.RangePicker
            aria-label={t('promo.statsPage.range')}
            allowClear={false}
            value={data ? [dayjs(data.from), dayjs(data.to)] : null}
            disabledDate={(day: Dayjs) => day.isAfter(dayjs(), 'day')}
            onChange={(dates) => {
              if (dates?.[0] && dates[1])
                setRange({ from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') });
            }}
          />
        }
      />
      {stats.isError ? (
        <Alert type="error" showIcon title={describeError(stats.error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {!data ? (
        stats.isError ? null : (
          <Skeleton active paragraph={{ rows: 10 }} />
        )
      ) : (
        <Flex vertical gap={16} data-testid="promo-stats">
          <Row gutter={[16, 16]}>
            {TOTALS.map((key) => (
              <Col key={key} xs={12} md={8} xl={4}>
                <Card variant="borderless">
                  <Statistic
                    title={
                      key === 'uniqueVisitors' ? (
                        <Tooltip title={t('promo.statsPage.uniqueHint')}>
                          {t(`promo.statsPage.totals.${key}`)} <InfoCircleOutlined />
                        </Tooltip>
                      ) : (
                        t(`promo.statsPage.totals.${key}`)
                      )
                    }
                    value={data.totals[key]}
                    groupSeparator=","
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              <Card variant="borderless" title={t('promo.statsPage.opensChart')}>
                <EChart
                  testId="chart-opens"
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { top: 0 },
                    grid: { left: 40, right: 16, top: 36, bottom: 28 },
                    xAxis: { type: 'category', data: days, boundaryGap: false },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: (['opens', 'uniqueVisitors', 'wechatOpens'] as const).map((key) => ({
                      name: label(key),
                      type: 'line',
                      showSymbol: false,
                      areaStyle: key === 'opens' ? { opacity: 0.08 } : undefined,
                      data: series(key),
                    })),
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card variant="borderless" title={t('promo.statsPage.wechatShare')} style={{ height: '100%' }}>
                <Flex vertical align="center" gap={24} style={{ paddingTop: 8 }}>
                  <Progress
                    type="dashboard"
                    percent={share(data.totals.wechatOpens, data.totals.opens)}
                    format={(percent) => `${percent}%`}
                    size={150}
                  />
                  <Flex vertical align="center" gap={4} style={{ width: '100%' }}>
                    <Typography.Text type="secondary">{t('promo.statsPage.mobileShare')}</Typography.Text>
                    <Progress
                      percent={share(data.totals.mobileOpens, data.totals.opens)}
                      format={(percent) => `${percent}%`}
                      style={{ width: '80%' }}
                    />
                  </Flex>
                </Flex>
              </Card>
            </Col>
          </Row>
          <Card variant="borderless" title={t('promo.statsPage.conversionChart')}>
            <EChart
              testId="chart-conversion"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 40, right: 56, top: 36, bottom: 28 },
                xAxis: { type: 'category', data: days },
                yAxis: [
                  { type: 'value', minInterval: 1 },
                  { type: 'value', name: t('promo.units.wan'), splitLine: { show: false } },
                ],
                series: [
                  ...(['interests', 'leads', 'projects'] as const).map((key) => ({
                    name: label(key),
                    type: 'bar',
                    data: series(key),
                    barMaxWidth: 14,
                  })),
                  {
                    name: label('signedWan'),
                    type: 'line',
                    yAxisIndex: 1,
                    data: series('signedWan'),
                    showSymbol: false,
                  },
                ],
              }}
            />
          </Card>
          <Card variant="borderless" title={t('promo.statsPage.byStaff')}>
            <Row gutter={[24, 16]} align="top">
              <Col xs={24} lg={10}>
                {data.byStaff.length ? (
                  <EChart
                    testId="chart-staff"
                    height={Math.max(200, data.byStaff.length * 44 + 60)}
                    option={{
                      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                      legend: { top: 0 },
                      grid: { left: 80, right: 24, top: 36, bottom: 24 },
                      xAxis: { type: 'value', minInterval: 1 },
                      yAxis: { type: 'category', data: byOpens(data.byStaff).map((s) => s.displayName), inverse: true },
                      series: (['opens', 'interests', 'leads'] as const).map((key) => ({
                        name: label(key),
                        type: 'bar',
                        data: byOpens(data.byStaff).map((s) => s[key]),
                        barMaxWidth: 12,
                      })),
                    }}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('promo.statsPage.empty')} />
                )}
              </Col>
              <Col xs={24} lg={14}>
                <Table<StaffRow>
                  rowKey="userId"
                  size="small"
                  pagination={false}
                  columns={staffColumns}
                  dataSource={byOpens(data.byStaff)}
                  scroll={{ x: 560 }}
                  locale={{ emptyText: t('promo.statsPage.empty') }}
                />
              </Col>
            </Row>
          </Card>
          <Card variant="borderless" title={t('promo.statsPage.byReferral')}>
            <Table<ReferralRow>
              rowKey={(row) => row.referralCode ?? '(none)'}
              size="small"
              pagination={false}
              columns={referralColumns}
              dataSource={byOpens(data.byReferral)}
              scroll={{ x: 680 }}
              locale={{ emptyText: t('promo.statsPage.empty') }}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}

function metricColumns<T extends CardStatsRow>(label: (key: keyof CardStatsRow) => string): TableColumnsType<T> {
  return (['opens', 'uniqueVisitors', 'interests', 'leads', 'projects', 'signedWan'] as const).map((key) => ({
    title: label(key),
    dataIndex: key,
    align: 'right' as const,
    width: key === 'signedWan' ? 104 : 76,
  }));
}
