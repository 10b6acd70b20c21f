import { ArrowLeftOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttendeesCard } from '../../modules/events/components/AttendeesCard';
import { QuickLeadForm } from '../../modules/events/components/QuickLeadForm';
import { RoadshowFormDrawer } from '../../modules/events/components/RoadshowFormDrawer';
import { RoadshowYieldPanel } from '../../modules/events/components/RoadshowYieldPanel';
import { SigningModal } from '../../modules/events/components/SigningModal';
import { useChainOptions, useRoadshow, useRoadshowYield } from '../../modules/events/hooks/useEvents';
import { formatWan } from '../../modules/events/utils';
import { describeError, isApiError } from '../../shared/http';
import { PageHeader, PageSpinner } from '../../shared/layout';

/** One roadshow: its particulars, attendees and check-in, a quick lead, on-site signing, and what it yielded. */
export default function RoadshowDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const roadshow = useRoadshow(id);
  const figures = useRoadshowYield(id);
  const chains = useChainOptions();
  const [editing, setEditing] = useState({ open: false, key: 0 });
  const [signing, setSigning] = useState(false);

  if (roadshow.isLoading) return <PageSpinner />;
  if (roadshow.isError || !roadshow.data) {
    const notFound = isApiError(roadshow.error) && roadshow.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('events.roadshows.notFound') : describeError(roadshow.error, t)}
        extra={<Link to="/roadshows">{t('events.roadshows.back')}</Link>}
      />
    );
  }
  const r = roadshow.data;
  const chainName = (code: string) => chains.data?.items.find((chain) => chain.code === code)?.name ?? code;

  return (
    <>
      <PageHeader
        title={r.name}
        subtitle={
          <Space size={8} wrap>
            <Link to="/roadshows">
              <ArrowLeftOutlined /> {t('events.roadshows.back')}
            </Link>
            <Tag>{t(`events.formats.${r.format}`)}</Tag>
          </Space>
        }
        extra={
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing((c) => ({ open: true, key: c.key + 1 }))}>
              {t('common.edit')}
            </Button>
            <Button type="primary" icon={<TrophyOutlined />} onClick={() => setSigning(true)}>
              {t('events.signing.open')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card variant="borderless">
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
            <Descriptions.Item label={t('events.roadshows.fields.city')}>{r.city}</Descriptions.Item>
            <Descriptions.Item label={t('events.roadshows.fields.venue')}>{r.venue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('events.roadshows.fields.dates')}>
              {dayjs(r.startsAt).format('YYYY-MM-DD HH:mm')} – {dayjs(r.endsAt).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.roadshows.fields.hosts')}>
              {r.hosts.length ? r.hosts.join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.roadshows.fields.chainCodes')}>
              {r.chainCodes.length ? r.chainCodes.map((code) => <Tag key={code}>{chainName(code)}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.roadshows.fields.budgetWan')}>
              {r.budgetWan === null ? '—' : formatWan(r.budgetWan)}
            </Descriptions.Item>
            <Descriptions.Item label={t('events.roadshows.fields.owner')}>{r.ownerName ?? '—'}</Descriptions.Item>
            {r.notes ? (
              <Descriptions.Item label={t('events.roadshows.fields.notes')}>{r.notes}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        {figures.isError ? <Alert type="error" showIcon title={describeError(figures.error, t)} /> : null}
        <RoadshowYieldPanel figures={figures.data} loading={figures.isLoading} />
        <QuickLeadForm roadshowId={r.id} />
        <AttendeesCard roadshow={r} />
      </Flex>
      <RoadshowFormDrawer
        key={editing.key}
        open={editing.open}
        roadshow={r}
        onClose={() => setEditing((c) => ({ ...c, open: false }))}
      />
      <SigningModal roadshow={r} open={signing} onClose={() => setSigning(false)} />
    </>
  );
}
