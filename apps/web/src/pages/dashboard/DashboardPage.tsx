import { DownloadOutlined } from '@ant-design/icons';
import type { DrillDto, StalledProjectDto, TargetFigureDto, YieldItemDto } from '@lianqiao/contracts';
import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Segmented,
  Select,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { dashboardApi } from '../../modules/dashboard/api/dashboard-api';
import { ChainGapCard } from '../../modules/dashboard/components/ChainGapCard';
import { DrillBars, StageFunnel, type ChartItem } from '../../modules/dashboard/components/DashboardCharts';
import { InvestmentCard } from '../../modules/dashboard/components/InvestmentCard';
import { PeriodPicker } from '../../modules/dashboard/components/PeriodPicker';
import { drillHref, wanToYi } from '../../modules/dashboard/drill';
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
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const seesAll = me.role !== 'staff';
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
          <Col key={figure.metric} xs={24} sm={12} lg={6}>
            <FigureCard figure={figure} />
          </Col>
        ))}
        {summary.data ? (
          <Col xs={24} sm={12} lg={6}>
            <Card variant="borderless" loading={summary.isLoading}>
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

function item(name: string, figure: { value: number; drill: DrillDto }, yi = false): ChartItem {
  return { name, value: yi ? wanToYi(figure.value) : figure.value, drill: figure.drill };
}

type ChainFigures = NonNullable<ReturnType<typeof useDashboardView<'chains'>>['data']>['chains'][number];

/** One chain at a time, its segments as bars: records tagged with each segment, as the drills list them. */
function ChainCard({
  chains,
  loading,
  onDrill,
}: {
  chains: ChainFigures[];
  loading: boolean;
  onDrill: (drill: DrillDto) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string>();
  const chain =
    chains.find((c) => c.chainId === picked) ??
    chains.find((c) => c.nodes.some((node) => node.projects.value > 0)) ??
    chains[0];
  const nodes = chain?.nodes ?? [];
  return (
    <Card
      variant="borderless"
      title={t('dashboard.byChain')}
      loading={loading}
      extra={
        <Select
          size="small"
          aria-label={t('dashboard.byChain')}
          value={chain?.chainId}
          style={{ minWidth: 140 }}
          options={chains.map((c) => ({ value: c.chainId, label: c.name }))}
          onChange={setPicked}
        />
      }
    >
      <DrillBars
        onDrill={onDrill}
        categories={nodes.map((node) => node.name)}
        series={[
          { name: t('dashboard.projects'), items: nodes.map((node) => item(node.name, node.projects)) },
          { name: t('dashboard.signed'), items: nodes.map((node) => item(node.name, node.projectsSigned)) },
          { name: t('dashboard.contractedYi'), items: nodes.map((node) => item(node.name, node.contractedWan, true)) },
        ]}
      />
    </Card>
  );
}

function FigureCard({ figure }: { figure: TargetFigureDto }) {
  const { t } = useTranslation();
  const isWan = figure.unit === 'wan';
  return (
    <Card variant="borderless">
      <Link to={drillHref(figure.drill)} data-testid={`figure-${figure.metric}`}>
        <Statistic
          title={figure.label}
          value={isWan ? (figure.actualYi ?? wanToYi(figure.actual)) : figure.actual}
          precision={isWan ? 2 : 0}
          suffix={isWan ? t('dashboard.yi') : t('dashboard.count')}
        />
      </Link>
      {figure.progress === null ? (
        <Typography.Text type="secondary">{t('dashboard.noTarget')}</Typography.Text>
      ) : (
        <>
          <Progress
            percent={Math.round(figure.progress * 1000) / 10}
            status={figure.progress >= 1 ? 'success' : 'active'}
          />
          <Typography.Text type="secondary">
            {t('dashboard.target', {
              target: isWan ? `${wanToYi(figure.target ?? 0)} ${t('dashboard.yi')}` : `${figure.target ?? 0}`,
            })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

function FunnelCard({
  funnel,
  loading,
  onDrill,
}: {
  funnel: NonNullable<ReturnType<typeof useDashboardView<'funnel'>>['data']>['stages'];
  loading: boolean;
  onDrill: (drill: DrillDto) => void;
}) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<'count' | 'investment'>('count');
  const items = funnel.map((stage) => ({
    name: stage.label,
    value: measure === 'count' ? stage.count : stage.investmentYi,
    drill: stage.drill,
  }));
  return (
    <Card
      variant="borderless"
      title={t('dashboard.funnel')}
      loading={loading}
      extra={
        <Segmented
          size="small"
          value={measure}
          onChange={(value) => setMeasure(value as 'count' | 'investment')}
          options={[
            { value: 'count', label: t('dashboard.funnelCount') },
            { value: 'investment', label: t('dashboard.funnelInvestment') },
          ]}
        />
      }
    >
      <StageFunnel
        items={items}
        unit={measure === 'count' ? t('dashboard.count') : t('dashboard.yi')}
        onDrill={onDrill}
      />
      <Flex wrap gap={8} data-testid="funnel-stages">
        {funnel.map((stage) => (
          <Button
            key={stage.stage}
            size="small"
            data-testid={`funnel-${stage.stage}`}
            onClick={() => onDrill(stage.drill)}
          >
            {stage.label} {stage.count} · {stage.investmentYi} {t('dashboard.yi')}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}

function StalledTable({ rows }: { rows: StalledProjectDto[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        {
          title: t('dashboard.stalledTable.name'),
          render: (_, row) => <Link to={drillHref(row.drill)}>{row.name}</Link>,
        },
        { title: t('dashboard.stalledTable.stage'), render: (_, row) => t(`projects.stages.${row.stage}`) },
        { title: t('dashboard.stalledTable.owner'), render: (_, row) => row.ownerName ?? '—' },
        { title: t('dashboard.stalledTable.leader'), render: (_, row) => row.responsibleLeaderName ?? '—' },
        { title: t('dashboard.stalledTable.team'), render: (_, row) => row.teamName ?? '—' },
        { title: t('dashboard.stalledTable.idleDays'), dataIndex: 'idleDays' },
      ]}
    />
  );
}

function TopTable({ rows }: { rows: YieldItemDto[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: t('dashboard.top.empty') }}
      dataSource={rows}
      columns={[
        { title: t('dashboard.top.name'), render: (_, row) => <Link to={drillHref(row.drill)}>{row.name}</Link> },
        {
          title: t('dashboard.top.leads'),
          render: (_, row) => <Link to={drillHref(row.leads.drill)}>{row.leads.value}</Link>,
        },
        {
          title: t('dashboard.top.signed'),
          render: (_, row) => <Link to={drillHref(row.signedProjects.drill)}>{row.signedProjects.value}</Link>,
        },
        {
          title: t('dashboard.top.contracted'),
          render: (_, row) => <Link to={drillHref(row.contractedWan.drill)}>{row.contractedWan.value}</Link>,
        },
      ]}
    />
  );
}
