import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Button, Result, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DelegationFormDrawer } from '../../modules/events/components/DelegationFormDrawer';
import { TouchesPanel } from '../../modules/events/components/TouchesPanel';
import { TripReport } from '../../modules/events/components/TripReport';
import { VisitForm } from '../../modules/events/components/VisitForm';
import { VisitsTable } from '../../modules/events/components/VisitsTable';
import { useDelegation } from '../../modules/events/hooks/useEvents';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { describeError, isApiError } from '../../shared/http';
import { PageHeader, PageSpinner } from '../../shared/layout';

const TAB_KEYS = ['tab'] as const;

/** One trip or reception: its itinerary of visits, who already works those companies, and the report. */
export default function DelegationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const delegation = useDelegation(id);
  const [url, setUrl] = useUrlFilters(TAB_KEYS);
  const [editing, setEditing] = useState({ open: false, key: 0 });

  if (delegation.isLoading) return <PageSpinner />;
  if (delegation.isError || !delegation.data) {
    const notFound = isApiError(delegation.error) && delegation.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('events.delegations.notFound') : describeError(delegation.error, t)}
        extra={<Link to="/delegations">{t('events.delegations.back')}</Link>}
      />
    );
  }
  const d = delegation.data;

  return (
    <>
      <PageHeader
        title={d.name}
        subtitle={
          <Space size={8} wrap>
            <Link to="/delegations">
              <ArrowLeftOutlined /> {t('events.delegations.back')}
            </Link>
            <Tag color={d.direction === 'outbound' ? 'blue' : 'purple'}>{t(`events.directions.${d.direction}`)}</Tag>
          </Space>
        }
        extra={
          <Button icon={<EditOutlined />} onClick={() => setEditing((c) => ({ open: true, key: c.key + 1 }))}>
            {t('common.edit')}
          </Button>
        }
      />
      <Tabs
        activeKey={url.tab === 'report' ? 'report' : 'itinerary'}
        onChange={(tab) => setUrl({ tab: tab === 'report' ? 'report' : undefined })}
        items={[
          {
            key: 'itinerary',
            label: t('events.tabs.itinerary'),
            children: (
              <Flex vertical gap={16}>
                <Card variant="borderless">
                  <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
                    <Descriptions.Item label={t('events.delegations.fields.dates')}>
                      {d.startsOn} – {d.endsOn}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('events.delegations.fields.cities')}>
                      {d.cities.join('、') || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('events.delegations.fields.leader')}>
                      {d.leader?.displayName ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('events.delegations.fields.members')}>
                      {d.members.map((m) => m.displayName ?? '—').join('、') || '—'}
                    </Descriptions.Item>
                    {d.purpose ? (
                      <Descriptions.Item label={t('events.delegations.fields.purpose')}>{d.purpose}</Descriptions.Item>
                    ) : null}
                  </Descriptions>
                </Card>
                <TouchesPanel delegationId={d.id} />
                <Card title={t('events.visits.title')}>
                  <VisitsTable delegationId={d.id} />
                </Card>
                <Card title={t('events.visits.add')}>
                  <VisitForm delegation={d} />
                </Card>
              </Flex>
            ),
          },
          { key: 'report', label: t('events.tabs.report'), children: <TripReport delegationId={d.id} /> },
        ]}
      />
      <DelegationFormDrawer
        key={editing.key}
        open={editing.open}
        delegation={d}
        onClose={() => setEditing((c) => ({ ...c, open: false }))}
      />
    </>
  );
}
