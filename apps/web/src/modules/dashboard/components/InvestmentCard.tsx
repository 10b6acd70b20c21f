import type { DashboardInvestmentDto, DrillDto, InvestmentRowDto } from '@lianqiao/contracts';
import { Card, Col, Row, Segmented, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { drillHref, wanToYi } from '../drill';
import { DrillBars } from './DashboardCharts';

type Measure = 'investment' | 'jobs';

const FIGURES = {
  investment: [
    ['projected', 'projectedWan'],
    ['contracted', 'contractedWan'],
    ['actual', 'actualWan'],
  ],
  jobs: [
    ['projected', 'projectedJobs'],
    ['contracted', 'contractedJobs'],
    ['actual', 'actualJobs'],
  ],
} as const satisfies Record<Measure, ReadonlyArray<readonly [string, keyof InvestmentRowDto]>>;

/** 万元 shown in 亿元; jobs as they are. */
function figure(row: InvestmentRowDto, field: keyof InvestmentRowDto, measure: Measure): number {
  return measure === 'investment' ? wanToYi(row[field] as number) : (row[field] as number);
}

/**
 * 投资与就业: projected (总投资) against contracted (合同额) against actual (到位) investment, or the
 * same for jobs; every live project above, then by stage and the period's signings, each opening its list.
 */
export function InvestmentCard({
  data,
  loading,
  onDrill,
}: {
  data: DashboardInvestmentDto | undefined;
  loading: boolean;
  onDrill: (drill: DrillDto) => void;
}) {
  const { t } = useTranslation();
  const [measure, setMeasure] = useState<Measure>('investment');
  const all = data?.rows.find((row) => row.key === 'all');
  const unit = measure === 'investment' ? t('dashboard.yi') : t('dashboard.investment.people');
  // Stages without projects add nothing but width; the period's signings always show.
  const shown = useMemo(
    () => (data?.rows ?? []).filter((row) => row.key !== 'all' && (row.projects > 0 || row.key === 'signed_in_period')),
    [data],
  );
  const series = useMemo(
    () =>
      FIGURES[measure].map(([name, field]) => ({
        name: t(`dashboard.investment.${measure}.${name}`),
        items: shown.map((row) => ({ name: row.label, value: figure(row, field, measure), drill: row.drill })),
      })),
    [measure, shown, t],
  );

  return (
    <Card
      variant="borderless"
      title={t('dashboard.investment.title')}
      loading={loading}
      data-testid="investment-card"
      extra={
        <Segmented
          size="small"
          value={measure}
          onChange={(next) => setMeasure(next as Measure)}
          options={[
            { value: 'investment', label: t('dashboard.investment.byInvestment') },
            { value: 'jobs', label: t('dashboard.investment.byJobs') },
          ]}
        />
      }
    >
      {all ? (
        <Row gutter={[8, 8]} style={{ marginBottom: 8 }}>
          {FIGURES[measure].map(([name, field]) => (
            <Col key={name} xs={8}>
              <Link to={drillHref(all.drill)} data-testid={`investment-${name}`}>
                <Statistic
                  title={t(`dashboard.investment.${measure}.${name}`)}
                  value={figure(all, field, measure)}
                  precision={measure === 'investment' ? 2 : 0}
                  suffix={unit}
                />
              </Link>
            </Col>
          ))}
        </Row>
      ) : null}
      <DrillBars onDrill={onDrill} categories={shown.map((row) => row.label)} series={series} />
    </Card>
  );
}
