import type { DrillDto, TargetFigureDto } from '@lianqiao/contracts';
import { Button, Card, Flex, Grid, Progress, Segmented, Select, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { drillHref, wanToYi } from '../drill';
import type { useDashboardView } from '../hooks/useDashboard';
import { DrillBars, StageFunnel, type ChartItem } from './DashboardCharts';

/** A figure as a bar, 万元 shown in 亿元. */
export function item(name: string, figure: { value: number; drill: DrillDto }, yi = false): ChartItem {
  return { name, value: yi ? wanToYi(figure.value) : figure.value, drill: figure.drill };
}

type ChainFigures = NonNullable<ReturnType<typeof useDashboardView<'chains'>>['data']>['chains'][number];

/** One chain at a time, its segments as bars: records tagged with each segment, as the drills list them. */
export function ChainCard({
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

export function FigureCard({ figure }: { figure: TargetFigureDto }) {
  const { t } = useTranslation();
  const isWan = figure.unit === 'wan';
  // Two figures a row on a phone, in compact cards.
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Card variant="borderless" size={phone ? 'small' : 'default'}>
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

export function FunnelCard({
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
