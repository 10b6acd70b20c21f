import { seesAllTeams } from '@lianqiao/domain';
import { ArrowLeftOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ActivityTimeline } from '../../modules/activities/components/ActivityTimeline';
import { AuditTrail } from '../../modules/audit/components/AuditTrail';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { ChainNodeTags } from '../../modules/chains/components/ChainNodeTags';
import { CompanyFormDrawer } from '../../modules/companies/components/CompanyFormDrawer';
import { CompanyTags } from '../../modules/companies/components/CompanyTags';
import { ContactsPanel } from '../../modules/companies/components/ContactsPanel';
import { MergeCompanyModal } from '../../modules/companies/components/MergeCompanyModal';
import { TouchesPanel } from '../../modules/companies/components/TouchesPanel';
import { useCompany } from '../../modules/companies/hooks/useCompanies';
import { LeadFormDrawer } from '../../modules/leads/components/LeadFormDrawer';
import { LeadsTable } from '../../modules/leads/components/LeadsTable';
import { useLeadList } from '../../modules/leads/hooks/useLeads';
import { ProjectsTable } from '../../modules/projects/components/ProjectsTable';
import { useProjectList } from '../../modules/projects/hooks/useProjects';
import { describeError, isApiError } from '../../shared/http';
import { LoadMoreFooter, PAGE_TITLE_STYLE } from '../../shared/layout';

function CompanyLeads({ companyId, onCreate }: { companyId: string; onCreate: () => void }) {
  const { t } = useTranslation();
  const list = useLeadList({ companyId });
  return (
    <>
      <LeadsTable
        compact
        leads={list.items}
        loading={list.isLoading}
        empty={
          <Empty description={t('companies.linked.leadsEmpty')}>
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
              {t('companies.linked.newLead')}
            </Button>
          </Empty>
        }
      />
      <LoadMoreFooter list={list} />
    </>
  );
}

function CompanyProjects({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const list = useProjectList({ companyId });
  return (
    <>
      <ProjectsTable
        compact
        projects={list.items}
        loading={list.isLoading}
        empty={<Empty description={t('companies.linked.projectsEmpty')} />}
      />
      <LoadMoreFooter list={list} />
    </>
  );
}

/** One company: its facts, contacts, who works it, its timeline, leads, projects and trail. */
export default function CompanyDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const company = useCompany(id);
  const [editing, setEditing] = useState({ open: false, key: 0 });
  const [newLead, setNewLead] = useState({ open: false, key: 0 });
  const [merging, setMerging] = useState(false);

  if (company.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (company.isError || !company.data) {
    const missing = isApiError(company.error) && company.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('companies.notFound') : describeError(company.error, t)}
        extra={
          <Link to="/companies">
            <Button type="primary">{t('companies.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data = company.data;
  const none = t('common.none');
  const openNewLead = () => setNewLead((s) => ({ open: true, key: s.key + 1 }));

  return (
    <>
      <Link to="/companies" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('companies.backToList')}
      </Link>
      <Flex align="flex-start" justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={1} style={PAGE_TITLE_STYLE} data-testid="company-title">
            {data.name}
          </Typography.Title>
          <div style={{ marginTop: 8 }}>
            <CompanyTags company={data} />
          </div>
        </div>
        <Space wrap>
          <Button icon={<EditOutlined />} onClick={() => setEditing((s) => ({ open: true, key: s.key + 1 }))}>
            {t('common.edit')}
          </Button>
          {seesAllTeams(user) ? (
            <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
              {t('companies.merge.action')}
            </Button>
          ) : null}
          <Button type="primary" icon={<PlusOutlined />} onClick={openNewLead}>
            {t('companies.linked.newLead')}
          </Button>
        </Space>
      </Flex>
      <Card variant="borderless">
        <Tabs
          items={[
            {
              key: 'info',
              label: t('companies.tabs.info'),
              children: (
                <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={{ label: { width: 150 } }}>
                  <Descriptions.Item label={t('companies.fields.uscc')}>
                    {data.uscc ? (
                      <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                        {data.uscc}
                      </Typography.Text>
                    ) : (
                      none
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('companies.fields.ownership')}>
                    {data.ownership ? t(`companies.ownership.${data.ownership}`) : none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('companies.columns.location')}>
                    {[data.province, data.city].filter(Boolean).join(' · ') || none}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('companies.fields.website')}>
                    {data.website ? (
                      <a
                        href={/^https?:\/\//.test(data.website) ? data.website : `https://${data.website}`}
                        target="_blank"
                        rel="noreferrer"
                      >
                        {data.website}
                      </a>
                    ) : (
                      none
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('companies.fields.chainNodes')} span={{ xs: 1, md: 2 }}>
                    <ChainNodeTags ids={data.chainNodeIds} max={10} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('companies.fields.notes')} span={{ xs: 1, md: 2 }}>
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                      {data.notes ?? none}
                    </Typography.Paragraph>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('companies.columns.updatedAt')}>
                    {dayjs(data.updatedAt).format('YYYY-MM-DD HH:mm')}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            { key: 'contacts', label: t('companies.tabs.contacts'), children: <ContactsPanel companyId={data.id} /> },
            { key: 'touches', label: t('companies.tabs.touches'), children: <TouchesPanel companyId={data.id} /> },
            {
              key: 'timeline',
              label: t('companies.tabs.timeline'),
              children: <ActivityTimeline subjectType="company" subjectId={data.id} />,
            },
            {
              key: 'leads',
              label: t('companies.tabs.leads'),
              children: <CompanyLeads companyId={data.id} onCreate={openNewLead} />,
            },
            { key: 'projects', label: t('companies.tabs.projects'), children: <CompanyProjects companyId={data.id} /> },
            {
              key: 'audit',
              label: t('companies.tabs.audit'),
              children: <AuditTrail entity="company" entityId={data.id} />,
            },
          ]}
        />
      </Card>
      <CompanyFormDrawer
        key={editing.key}
        open={editing.open}
        company={data}
        onClose={() => setEditing((s) => ({ ...s, open: false }))}
      />
      <LeadFormDrawer
        key={`lead-${newLead.key}`}
        open={newLead.open}
        lead={null}
        initialCompanyId={data.id}
        onClose={() => setNewLead((s) => ({ ...s, open: false }))}
        onSaved={(lead) => navigate(`/leads/${lead.id}`)}
      />
      {seesAllTeams(user) ? (
        <MergeCompanyModal company={data} open={merging} onClose={() => setMerging(false)} />
      ) : null}
    </>
  );
}
