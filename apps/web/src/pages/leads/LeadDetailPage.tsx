import { ArrowLeftOutlined, EditOutlined, NodeIndexOutlined, RightOutlined } from '@ant-design/icons';
import { formatWan } from '@lianqiao/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActivityTimeline } from '../../modules/activities/components/ActivityTimeline';
import { AuditTrail } from '../../modules/audit/components/AuditTrail';
import { ChainNodeTags } from '../../modules/chains/components/ChainNodeTags';
import { ConvertLeadModal } from '../../modules/leads/components/ConvertLeadModal';
import { LeadFormDrawer } from '../../modules/leads/components/LeadFormDrawer';
import { LeadStatusActions } from '../../modules/leads/components/LeadStatusActions';
import { FollowUpDate, LeadSourceTag, LeadStatusTag } from '../../modules/leads/components/LeadTags';
import { useLead } from '../../modules/leads/hooks/useLeads';
import { useNameLookup, useTeams } from '../../modules/org/hooks/useOrg';
import { AttributionPanel } from '../../modules/projects/components/AttributionPanel';
import { describeError, isApiError } from '../../shared/http';
import { PAGE_TITLE_STYLE } from '../../shared/layout';

/** One lead: what it is, its follow-ups, its status, and its conversion into a project. */
export default function LeadDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const lead = useLead(id);
  const teams = useTeams();
  const teamNames = useNameLookup(teams.data?.items);
  const [editing, setEditing] = useState({ open: false, key: 0 });
  const [converting, setConverting] = useState(false);

  if (lead.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (lead.isError || !lead.data) {
    const missing = isApiError(lead.error) && lead.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('leads.notFound') : describeError(lead.error, t)}
        extra={
          <Link to="/leads">
            <Button type="primary">{t('leads.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data = lead.data;
  const converted = data.status === 'converted';

  return (
    <>
      <Link to="/leads" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('leads.backToList')}
      </Link>
      <Flex align="flex-start" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={1} style={PAGE_TITLE_STYLE} data-testid="lead-title">
            {data.name}
          </Typography.Title>
          <Space size={4} style={{ marginTop: 8 }} wrap>
            <LeadStatusTag status={data.status} />
            <LeadSourceTag source={data.source} />
            {data.companyId ? (
              <Link to={`/companies/${data.companyId}`}>
                <Typography.Link>{data.companyName}</Typography.Link>
              </Link>
            ) : null}
          </Space>
        </div>
        <Space wrap>
          {converted && data.projectId ? (
            <Link to={`/projects/${data.projectId}`}>
              <Button type="primary" icon={<RightOutlined />}>
                {t('leads.status.openProject')}
              </Button>
            </Link>
          ) : (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing((s) => ({ open: true, key: s.key + 1 }))}>
                {t('common.edit')}
              </Button>
              <LeadStatusActions lead={data} />
              <Tooltip title={data.status === 'qualified' ? undefined : t('leads.convert.onlyQualified')}>
                <Button
                  type="primary"
                  icon={<NodeIndexOutlined />}
                  disabled={data.status !== 'qualified'}
                  onClick={() => setConverting(true)}
                >
                  {t('leads.convert.action')}
                </Button>
              </Tooltip>
            </>
          )}
        </Space>
      </Flex>
      {converted ? (
        <Alert type="success" showIcon title={t('leads.status.converted')} style={{ marginBottom: 16 }} />
      ) : null}
      {data.status === 'invalid' && data.invalidReason ? (
        <Alert
          type="warning"
          showIcon
          title={`${t('leads.info.invalidReason')}：${data.invalidReason}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card variant="borderless" title={t('leads.info.title')}>
            <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
              <Descriptions.Item label={t('leads.columns.owner')}>
                {data.ownerName ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.info.team')}>
                {data.teamId ? (teamNames.get(data.teamId) ?? t('common.none')) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.columns.estimated')}>
                {data.estimatedWan !== null ? formatWan(data.estimatedWan) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.fields.nextFollowUpAt')}>
                <FollowUpDate at={data.nextFollowUpAt} status={data.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.fields.chainNodes')}>
                <ChainNodeTags ids={data.chainNodeIds} max={6} />
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.fields.contactName')}>
                {data.contactName ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.fields.contactMobile')}>
                {data.contactMobile ?? t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.info.firstResponse')}>
                {data.firstResponseAt
                  ? dayjs(data.firstResponseAt).format('YYYY-MM-DD HH:mm')
                  : t('leads.info.notResponded')}
              </Descriptions.Item>
              <Descriptions.Item label={t('leads.columns.createdAt')}>
                {dayjs(data.createdAt).format('YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
              {data.notes ? (
                <Descriptions.Item label={t('leads.fields.notes')}>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {data.notes}
                  </Typography.Paragraph>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card variant="borderless">
            <Tabs
              items={[
                {
                  key: 'timeline',
                  label: t('leads.tabs.timeline'),
                  children: <ActivityTimeline subjectType="lead" subjectId={data.id} canLog={!converted} />,
                },
                {
                  key: 'source',
                  label: t('leads.tabs.source'),
                  children: <AttributionPanel subject="leads" id={data.id} />,
                },
                {
                  key: 'audit',
                  label: t('leads.tabs.audit'),
                  children: <AuditTrail entity="lead" entityId={data.id} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <LeadFormDrawer
        key={editing.key}
        open={editing.open}
        lead={data}
        onClose={() => setEditing((s) => ({ ...s, open: false }))}
      />
      <ConvertLeadModal lead={data} open={converting} onClose={() => setConverting(false)} />
    </>
  );
}
