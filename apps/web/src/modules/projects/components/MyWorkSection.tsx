import { ClockCircleOutlined, FieldTimeOutlined, RightOutlined } from '@ant-design/icons';
import type { LeadDto, ProjectDto } from '@lianqiao/contracts';
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { daysOverdue } from '../../leads/components/LeadTags';
import { useLeadList } from '../../leads/hooks/useLeads';
import { useProjectList } from '../hooks/useProjects';
import { StageTag } from './ProjectTags';

const SHOWN = 5;

function Section<T extends { id: string }>({
  title,
  icon,
  items,
  total,
  loading,
  error,
  empty,
  viewAll,
  render,
  testId,
}: {
  title: string;
  icon: ReactNode;
  items: T[];
  total: number;
  loading: boolean;
  error: unknown;
  empty: string;
  viewAll: string;
  render: (item: T) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Card
      variant="borderless"
      data-testid={testId}
      title={
        <Flex gap={8} align="center">
          {icon}
          <span>{title}</span>
          {total > 0 ? <Tag color="red">{total}</Tag> : null}
        </Flex>
      }
      extra={
        total > 0 ? (
          <Link to={viewAll}>
            {t('projects.home.viewAll')} <RightOutlined />
          </Link>
        ) : null
      }
      style={{ height: '100%' }}
      styles={{ body: { paddingTop: 8, paddingBottom: 8 } }}
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} title={false} />
      ) : error ? (
        <Alert type="error" showIcon title={describeError(error, t)} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Flex vertical>
          {items.slice(0, SHOWN).map((item) => (
            <div key={item.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
              {render(item)}
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The staff home page's to-do: my overdue follow-ups and my stalled projects. */
export function MyWorkSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const leads = useLeadList({ overdue: 'true', ownerId: me.id, sort: 'nextFollowUpAt:asc' }, { limit: SHOWN });
  const projects = useProjectList({ stalled: 'true', ownerId: me.id, sort: 'lastProgressAt:asc' }, { limit: SHOWN });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Section<LeadDto>
          testId="my-overdue-leads"
          title={t('projects.home.overdueTitle')}
          icon={<FieldTimeOutlined style={{ color: '#cf1322' }} />}
          items={leads.items}
          total={leads.total}
          loading={leads.isLoading}
          error={leads.error}
          empty={t('projects.home.overdueEmpty')}
          viewAll={`/leads?overdue=true&ownerId=${me.id}&sort=nextFollowUpAt:asc`}
          render={(lead) => {
            const late = lead.nextFollowUpAt ? daysOverdue(lead.nextFollowUpAt) : null;
            return (
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Link to={`/leads/${lead.id}`}>{lead.name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {lead.companyName ?? ''}
                    {lead.nextFollowUpAt
                      ? `${lead.companyName ? ' · ' : ''}${t('projects.home.followUpDue', { date: dayjs(lead.nextFollowUpAt).format('MM-DD') })}`
                      : ''}
                  </Typography.Text>
                </div>
                {late !== null ? (
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    {late === 0 ? t('leads.dueToday') : t('leads.overdue', { days: late })}
                  </Tag>
                ) : null}
              </Flex>
            );
          }}
        />
      </Col>
      <Col xs={24} xl={12}>
        <Section<ProjectDto>
          testId="my-stalled-projects"
          title={t('projects.home.stalledTitle')}
          icon={<ClockCircleOutlined style={{ color: '#d48806' }} />}
          items={projects.items}
          total={projects.total}
          loading={projects.isLoading}
          error={projects.error}
          empty={t('projects.home.stalledEmpty')}
          viewAll={`/projects?stalled=true&ownerId=${me.id}&sort=lastProgressAt:asc`}
          render={(project) => (
            <Flex justify="space-between" align="center" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Link to={`/projects/${project.id}`}>{project.name}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('projects.home.lastProgress', { date: dayjs(project.lastProgressAt).format('YYYY-MM-DD') })}
                </Typography.Text>
              </div>
              <StageTag stage={project.stage} />
            </Flex>
          )}
        />
      </Col>
    </Row>
  );
}
