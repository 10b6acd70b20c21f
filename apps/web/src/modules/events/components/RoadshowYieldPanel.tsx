import type { RoadshowYieldDto } from '@lianqiao/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
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
      <Row gutter={[16, 16]}>
        {FIGURES.map((key) => (
          <Col key={key} xs={12} sm={8} md={6} lg={6} xl={3}>
            <Card size="small" variant="outlined" data-testid={`yield-${key}`}>
              <Statistic title={t(`events.yield.${key}`)} value={figures?.[key] ?? 0} />
            </Card>
          </Col>
        ))}
        <Col xs={12} sm={8} md={6} lg={6} xl={3}>
          <Card size="small" variant="outlined" data-testid="yield-costPerLead">
            <Statistic
              title={t('events.yield.costPerLead')}
              value={cost(figures?.costPerLeadWan)}
              precision={figures?.costPerLeadWan == null ? undefined : 2}
            />
          </Card>
        </Col>
        <Col xs={12} sm={8} md={6} lg={6} xl={3}>
          <Card size="small" variant="outlined" data-testid="yield-costPerSignedProject">
            <Statistic
              title={t('events.yield.costPerSignedProject')}
              value={cost(figures?.costPerSignedProjectWan)}
              precision={figures?.costPerSignedProjectWan == null ? undefined : 2}
            />
          </Card>
        </Col>
      </Row>
      {figures && figures.lostAfterSigning > 0 ? (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 12 }}>
          {t('events.yield.lostAfterSigning', { count: figures.lostAfterSigning })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
