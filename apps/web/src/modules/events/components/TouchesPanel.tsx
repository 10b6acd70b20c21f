import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import { useTouches } from '../hooks/useEvents';

/** Before the trip: for each company on the itinerary, which teams already work it and when. */
export function TouchesPanel({ delegationId }: { delegationId: string }) {
  const { t } = useTranslation();
  const touches = useTouches(delegationId);
  const items = touches.data?.items ?? [];
  const touched = items.filter((item) => item.touches.length > 0);
  return (
    <Card
      title={t('events.touches.title')}
      extra={<Typography.Text type="secondary">{t('events.touches.subtitle')}</Typography.Text>}
      loading={touches.isLoading}
      data-testid="touches-panel"
    >
      {touches.isError ? <Alert type="error" showIcon title={describeError(touches.error, t)} /> : null}
      {touched.length === 0 ? (
        <Typography.Text type="secondary">{t('events.touches.none')}</Typography.Text>
      ) : (
        <List
          dataSource={touched}
          renderItem={(item) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/companies/${item.companyId}`}>{item.companyName}</Link>}
                description={
                  <Space size={[8, 8]} wrap>
                    {item.touches.map((touch) => (
                      <Tag key={touch.teamId ?? touch.teamName} color={touch.ownTeam ? 'blue' : 'orange'}>
                        {touch.ownTeam ? `${touch.teamName}（${t('events.touches.ownTeam')}）` : touch.teamName} ·{' '}
                        {t('events.touches.counts', { leads: touch.leadCount, projects: touch.projectCount })}
                        {touch.lastActedAt
                          ? ` · ${t('events.touches.lastActed', { date: dayjs(touch.lastActedAt).format('YYYY-MM-DD') })}`
                          : ''}
                      </Tag>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
