import type { RoadshowYieldDto } from '@lianqiao/contracts';
import { Card, Flex, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const FIGURES = [
  'attendees',
  'checkedIn',
  'leads',
  'qualifiedLeads',
  'projects',
  'signedProjects',
  'contractedWan',
] as const;

/** Nine equal cells that share a row on a wide screen and wrap evenly on a narrow one. */
const CELL = { flex: '1 1 120px' };

/** What the event produced, as the server counted it: nothing here can be typed in. */
export function RoadshowYieldPanel({ figures, loading }: { figures: RoadshowYieldDto | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const cost = (value: number | null | undefined) =>
    value === null || value === undefined ? t('events.yield.noCost') : value;
  return (
    <Card
      title={t('events.yield.title')}
      extra={<Typography.Text type="secondary">{t('events.yield.subtitle')}</Typography.Text>}
      loading={loading}
      data-testid="yield-panel"
    >
      <Flex wrap gap={12}>
        {FIGURES.map((key) => (
          <Card key={key} size="small" variant="outlined" style={CELL} data-testid={`yield-${key}`}>
            <Statistic title={t(`events.yield.${key}`)} value={figures?.[key] ?? 0} />
          </Card>
        ))}
        <Card size="small" variant="outlined" style={CELL} data-testid="yield-costPerLead">
          <Statistic
            title={t('events.yield.costPerLead')}
            value={cost(figures?.costPerLeadWan)}
            precision={figures?.costPerLeadWan == null ? undefined : 2}
          />
        </Card>
        <Card size="small" variant="outlined" style={CELL} data-testid="yield-costPerSignedProject">
          <Statistic
            title={t('events.yield.costPerSignedProject')}
            value={cost(figures?.costPerSignedProjectWan)}
            precision={figures?.costPerSignedProjectWan == null ? undefined : 2}
          />
        </Card>
      </Flex>
      {figures && figures.lostAfterSigning > 0 ? (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 12 }}>
          {t('events.yield.lostAfterSigning', { count: figures.lostAfterSigning })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
