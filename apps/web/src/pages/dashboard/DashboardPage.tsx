import { seesAllTeams } from '@lianqiao/domain';
import { DownloadOutlined } from '@ant-design/icons';
import type { DrillDto } from '@lianqiao/contracts';
import { App, Alert, Button, Card, Col, Flex, Grid, Row, Select, Statistic, Table, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { dashboardApi } from '../../modules/dashboard/api/dashboard-api';
import { ChainGapCard } from '../../modules/dashboard/components/ChainGapCard';
import { ChainCard, FigureCard, FunnelCard, item } from '../../modules/dashboard/components/DashboardCards';
import { DrillBars } from '../../modules/dashboard/components/DashboardCharts';
import { StalledTable, TopTable } from '../../modules/dashboard/components/DashboardTables';
import { InvestmentCard } from '../../modules/dashboard/components/InvestmentCard';
import { PeriodPicker } from '../../modules/dashboard/components/PeriodPicker';
import { drillHref } from '../../modules/dashboard/drill';
import { useDashboardView } from '../../modules/dashboard/hooks/useDashboard';
import { monthRangeOf, periodDays, type MonthRange } from '../../modules/dashboard/period';
import { useTeams } from '../../modules/org/hooks/useOrg';
import { describeError } from '../../shared/http';
import { PageHeader } from '../../shared/layout';

const THIS_YEAR = Number(
  new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()),
);
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

/** YYYY-MM-DD of a date in China time. */
function chinaDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date);
}

/** 领导驾驶舱: the year against its targets, the pipeline, and every number opens its records. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const seesAll = seesAllTeams(me);
  const year = Number(params.get('year')) || THIS_YEAR;
  const teamId = seesAll ? (params.get('teamId') ?? undefined) : (me.teamId ?? undefined);
  const range = monthRangeOf(year, params.get('from') ?? undefined, params.get('to') ?? undefined);
  const from = range ? periodDays(range).from : undefined;
  const to = range ? periodDays(range).to : undefined;
  const scope = useMemo(() => ({ year, from, to, teamId }), [year, from, to, teamId]);
  const teams = useTeams();

  const summary = useDashboardView('summary', scope);
  const funnel = useDashboardView('funnel', scope);
  const chains = useDashboardView('chains', scope);
  const teamFigures = useDashboardView('teams', scope);
  const months = useDashboardView('months', scope);
  const stalled = useDashboardView('stalled', scope);
  const top = useDashboardView('top', scope);
  const rt = useDashboardView('responseTimes', scope);
  const investment = useDashboardView('investment', scope);

  const drill = useCallback((target: DrillDto) => navigate(drillHref(target)), [navigate]);
  const setParam = (patch: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const setRange = (months: MonthRange | null) => setParam({ from: months?.from, to: months?.to });

  const [exporting, setExporting] = useState(false);
  const exportWeekly = async () => {
    setExporting(true);
    try {
      const today = new Date();
      await dashboardApi.downloadWeeklyReport(
        chinaDay(new Date(today.getTime() - 6 * 86_400_000)),
        chinaDay(new Date(today.getTime() + 86_400_000)),
      );
      void message.success(t('dashboard.exported'));
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setExporting(false);
    }
  };

  const error = [summary, funnel, chains, teamFigures, months, stalled, top, rt, investment].find(
    (q) => q.isError,
  )?.error;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={t('dashboard.subtitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportWeekly()}
            data-testid="export-weekly"
          >
            {t('dashboard.exportWeekly')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('dashboard.year')}
          value={year}
          style={{ width: 120 }}
          options={YEARS.map((value) => ({ value, label: `${value} 年` }))}
          // The months belong to the year they were picked in.
          onChange={(value) => setParam({ year: String(value), from: undefined, to: undefined })}
        />
        <PeriodPicker year={year} range={range} onChange={setRange} />
        {seesAll ? (
          <Select
            aria-label={t('dashboard.team')}
            value={teamId ?? ''}
            style={{ minWidth: 200 }}
            options={[
              { value: '', label: t('dashboard.district') },
              ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name })),
            ]}
            onChange={(value) => setParam({ teamId: value || undefined })}
          />
        ) : null}
      </Flex>
      {error ? <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 16 }} /> : null}

      <Row gutter={[16, 16]}>
        {(summary.data?.figures ?? []).map((figure) => (
          <Col key={figure.metric} xs={12} lg={6}>
            <FigureCard figure={figure} />
          </Col>
        ))}
        {summary.data ? (
          <Col xs={12} lg={6}>
            <Card variant="borderless" loading={summary.isLoading} size={phone ? 'small' : 'default'}>
              <Link to={drillHref(summary.data.stalledProjects.drill)} data-testid="figure-stalled">
                <Statistic
                  title={t('dashboard.stalled')}
                  value={summary.data.stalledProjects.value}
                  suffix={t('dashboard.count')}
                  styles={{ content: { color: summary.data.stalledProjects.value ? '#cf1322' : undefined } }}
                />
              </Link>
              <Typography.Text type="secondary">
                {t('dashboard.stalledHelp', { days: summary.data.stalledDays })}
              </Typography.Text>
            </Card>
          </Col>
        ) : null}

        <Col xs={24} lg={12}>
          <FunnelCard funnel={funnel.data?.stages ?? []} loading={funnel.isLoading} onDrill={drill} />
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('dashboard.byMonth')} loading={months.isLoading}>
            <DrillBars
              onDrill={drill}
              categories={(months.data?.months ?? []).map((m) => m.month.slice(5) + '月')}
              series={[
                {
                  name: t('dashboard.newLeads'),
                  items: (months.data?.months ?? []).map((m) => item(m.month, m.newLeads)),
                },
                {
                  name: t('dashboard.signed'),
                  items: (months.data?.months ?? []).map((m) => item(m.month, m.projectsSigned)),
                },
                {
                  name: t('dashboard.contractedYi'),
                  items: (months.data?.months ?? []).map((m) => item(m.month, m.contractedWan, true)),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ChainCard chains={chains.data?.chains ?? []} loading={chains.isLoading} onDrill={drill} />
        </Col>
        {seesAll && !teamId ? (
          <Col xs={24} lg={12}>
            <Card variant="borderless" title={t('dashboard.byTeam')} loading={teamFigures.isLoading}>
              <DrillBars
                onDrill={drill}
                categories={(teamFigures.data?.teams ?? []).map((team) => team.teamName)}
                series={(['newLeads', 'projectsSigned'] as const).map((metric) => ({
                  name: t(metric === 'newLeads' ? 'dashboard.newLeads' : 'dashboard.signed'),
                  items: (teamFigures.data?.teams ?? []).map((team) => {
                    const figure = team.figures.find((f) => f.metric === metric);
                    return {
                      name: team.teamName,
                      value: figure?.actual ?? 0,
                      drill: figure?.drill ?? team.stalledProjects.drill,
                    };
                  }),
                }))}
              />
            </Card>
          </Col>
        ) : null}

        <Col xs={24} lg={12}>
          <InvestmentCard data={investment.data} loading={investment.isLoading} onDrill={drill} />
        </Col>
        <Col xs={24} lg={12}>
          <ChainGapCard chains={chains.data?.chains ?? []} loading={chains.isLoading} onDrill={drill} />
        </Col>

        <Col xs={24}>
          <Card
            variant="borderless"
            title={t('dashboard.stalledTable.title')}
            loading={stalled.isLoading}
            extra={
              stalled.data ? (
                <Link to={drillHref(stalled.data.total.drill)}>
                  {t('dashboard.stalledTable.all', { count: stalled.data.total.value })}
                </Link>
              ) : null
            }
          >
            <StalledTable rows={stalled.data?.items ?? []} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('dashboard.responseTimes.title')} loading={rt.isLoading}>
            {rt.data ? (
              <Table
                size="small"
                rowKey="source"
                pagination={false}
                scroll={{ x: true }}
                dataSource={[rt.data.overall, ...rt.data.bySource]}
                columns={[
                  { title: t('dashboard.responseTimes.source'), dataIndex: 'label' },
                  {
                    title: t('dashboard.responseTimes.leads'),
                    render: (_, row) => <Link to={drillHref(row.leads.drill)}>{row.leads.value}</Link>,
                  },
                  {
                    title: t('dashboard.responseTimes.unanswered'),
                    render: (_, row) => <Link to={drillHref(row.unanswered.drill)}>{row.unanswered.value}</Link>,
                  },
                  { title: t('dashboard.responseTimes.median'), render: (_, row) => row.medianHours ?? '—' },
                  { title: t('dashboard.responseTimes.p90'), render: (_, row) => row.p90Hours ?? '—' },
                  {
                    title: t('dashboard.responseTimes.share', { hours: rt.data.targetHours }),
                    render: (_, row) =>
                      row.shareWithinTarget === null ? '—' : `${Math.round(row.shareWithinTarget * 1000) / 10}%`,
                  },
                ]}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('dashboard.top.title')} loading={top.isLoading}>
            <Tabs
              items={(['roadshows', 'trips', 'cards'] as const).map((kind) => ({
                key: kind,
                label: t(`dashboard.top.${kind}`),
                children: <TopTable rows={top.data?.[kind] ?? []} />,
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
