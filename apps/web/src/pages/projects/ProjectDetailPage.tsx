import { ArrowLeftOutlined, DownOutlined, EditOutlined, RiseOutlined } from '@ant-design/icons';
import { PROJECT_STATUSES, type ProjectDto } from '@lianqiao/contracts';
import { formatWan } from '@lianqiao/domain';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Flex,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActivityTimeline } from '../../modules/activities/components/ActivityTimeline';
import { AuditTrail } from '../../modules/audit/components/AuditTrail';
import { ChainNodeTags } from '../../modules/chains/components/ChainNodeTags';
import { LeadSourceTag } from '../../modules/leads/components/LeadTags';
import { useNameLookup, useTeams } from '../../modules/org/hooks/useOrg';
import { AttributionPanel } from '../../modules/projects/components/AttributionPanel';
import { ProjectFormDrawer } from '../../modules/projects/components/ProjectFormDrawer';
import { ProjectFlags, StageTag } from '../../modules/projects/components/ProjectTags';
import { StageHistory, StageSteps } from '../../modules/projects/components/StageHistory';
import { TransitionModal, type TransitionTarget } from '../../modules/projects/components/TransitionModal';
import { useProject } from '../../modules/projects/hooks/useProjects';
import { describeError, isApiError } from '../../shared/http';
import { PAGE_TITLE_STYLE } from '../../shared/layout';

interface FigureRow {
  key: string;
  label: string;
  projected: string;
  contracted: string;
  actual: string;
}

/** One project: its stage and history, its figures, where it came from, its follow-ups and trail. */
export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const project = useProject(id);
  const teams = useTeams();
  const teamNames = useNameLookup(teams.data?.items);
  const [editing, setEditing] = useState({ open: false, key: 0 });
  const [moving, setMoving] = useState<TransitionTarget | null>(null);

  if (project.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (project.isError || !project.data) {
    const missing = isApiError(project.error) && project.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('projects.notFound') : describeError(project.error, t)}
        extra={
          <Link to="/projects">
            <Button type="primary">{t('projects.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data: ProjectDto = project.data;
  const none = t('common.none');
  const wan = (value: number | null) => (value === null ? none : formatWan(value));
  const count = (value: number | null) => (value === null ? none : value.toLocaleString());
  const day = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD') : none);

  const figures: FigureRow[] = [
    {
      key: 'investment',
      label: t('projects.detail.investment'),
      projected: wan(data.totalInvestmentWan),
      contracted: wan(data.contractedWan),
      actual: wan(data.paidInWan),
    },
    {
      key: 'jobs',
      label: t('projects.detail.jobs'),
      projected: count(data.projectedJobs),
      contracted: count(data.contractedJobs),
      actual: count(data.actualJobs),
    },
  ];

  return (
    <>
      <Link to="/projects" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('projects.backToList')}
      </Link>
      <Flex align="flex-start" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={1} style={PAGE_TITLE_STYLE} data-testid="project-title">
            {data.name}
            {data.codeName ? (
              <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 8 }}>
                （{data.codeName}）
              </Typography.Text>
            ) : null}
          </Typography.Title>
          <Space size={4} style={{ marginTop: 8 }} wrap>
            <span data-testid="project-stage">
              <StageTag stage={data.stage} />
            </span>
            <ProjectFlags project={data} />
          </Space>
        </div>
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setEditing((s) => ({ open: true, key: s.key + 1 }))}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: PROJECT_STATUSES.filter((stage) => stage !== data.stage).map((stage) => ({
                key: stage,
                label: t(`projects.stages.${stage}`),
                danger: stage === 'lost',
              })),
              onClick: ({ key }) => setMoving({ project: data, to: key as ProjectDto['stage'] }),
            }}
          >
            <Button type="primary" icon={<RiseOutlined />}>
              {t('projects.transition.action')} <DownOutlined style={{ fontSize: 10 }} />
            </Button>
          </Dropdown>
        </Space>
      </Flex>

      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <StageSteps project={data} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card variant="borderless" title={t('projects.detail.facts')}>
            <Descriptions column={1} size="small" styles={{ label: { width: 100 } }}>
              <Descriptions.Item label={t('projects.columns.owner')}>{data.ownerName ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('projects.columns.leader')}>
                {data.responsibleLeaderName ?? none}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.team')}>
                {data.teamId ? (teamNames.get(data.teamId) ?? none) : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.company')}>
                {data.companyId ? <Link to={`/companies/${data.companyId}`}>{data.companyName}</Link> : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.source')}>
                <Space size={4} wrap>
                  {data.leadSource ? <LeadSourceTag source={data.leadSource} /> : none}
                  {data.leadId ? <Link to={`/leads/${data.leadId}`}>{t('projects.detail.lead')}</Link> : null}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.chainNodes')}>
                <ChainNodeTags ids={data.chainNodeIds} max={6} />
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.capital')}>
                {data.capitalOrigin
                  ? `${t(`projects.capitalOrigins.${data.capitalOrigin}`)}${data.capitalSource ? ` · ${data.capitalSource}` : ''}`
                  : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.land')}>
                {data.landMu !== null ? t('projects.detail.landValue', { value: data.landMu }) : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.factory')}>
                {data.factoryAreaM2 !== null
                  ? t('projects.detail.factoryValue', { value: data.factoryAreaM2.toLocaleString() })
                  : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.detail.lastProgress')}>
                {day(data.lastProgressAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card variant="borderless">
            <Tabs
              items={[
                {
                  key: 'overview',
                  label: t('projects.detail.overview'),
                  children: (
                    <Flex vertical gap={24}>
                      <Table<FigureRow>
                        size="small"
                        pagination={false}
                        dataSource={figures}
                        columns={[
                          {
                            key: 'label',
                            dataIndex: 'label',
                            title: '',
                            width: 120,
                            render: (text: string) => <Typography.Text strong>{text}</Typography.Text>,
                          },
                          {
                            key: 'projected',
                            dataIndex: 'projected',
                            title: t('projects.detail.projected'),
                            align: 'right',
                          },
                          {
                            key: 'contracted',
                            dataIndex: 'contracted',
                            title: t('projects.detail.contracted'),
                            align: 'right',
                          },
                          { key: 'actual', dataIndex: 'actual', title: t('projects.detail.actual'), align: 'right' },
                        ]}
                      />
                      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                        <Descriptions.Item label={t('projects.detail.fixedAsset')}>
                          {wan(data.fixedAssetWan)}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('projects.detail.paidIn')}>{wan(data.paidInWan)}</Descriptions.Item>
                        <Descriptions.Item label={t('projects.detail.output')}>
                          {wan(data.expectedOutputWan)}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('projects.detail.tax')}>
                          {wan(data.expectedTaxWan)}
                        </Descriptions.Item>
                      </Descriptions>
                      <Descriptions
                        size="small"
                        column={{ xs: 1, sm: 2 }}
                        title={t('projects.detail.evidenceTitle')}
                        bordered
                      >
                        <Descriptions.Item label={t('projects.evidence.signedAt')}>
                          {day(data.signedAt)}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('projects.evidence.contractedWan')}>
                          {wan(data.contractedWan)}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('projects.evidence.localUscc')}>
                          {data.localUscc ?? none}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('projects.evidence.startedAt')}>
                          {day(data.startedAt)}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('projects.evidence.producingAt')}>
                          {day(data.producingAt)}
                        </Descriptions.Item>
                      </Descriptions>
                    </Flex>
                  ),
                },
                { key: 'history', label: t('projects.detail.history'), children: <StageHistory projectId={data.id} /> },
                {
                  key: 'attribution',
                  label: t('projects.detail.attribution'),
                  children: <AttributionPanel subject="projects" id={data.id} />,
                },
                {
                  key: 'timeline',
                  label: t('projects.detail.timeline'),
                  children: <ActivityTimeline subjectType="project" subjectId={data.id} />,
                },
                {
                  key: 'audit',
                  label: t('projects.detail.audit'),
                  children: <AuditTrail entity="project" entityId={data.id} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <ProjectFormDrawer
        key={editing.key}
        open={editing.open}
        project={data}
        onClose={() => setEditing((s) => ({ ...s, open: false }))}
      />
      <TransitionModal target={moving} onClose={() => setMoving(null)} />
    </>
  );
}
