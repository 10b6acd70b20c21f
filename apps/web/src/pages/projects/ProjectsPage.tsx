import { AppstoreOutlined, PlusOutlined } from '@ant-design/icons';
import { formatYi } from '@lianqiao/domain';
import { Alert, Button, Card, Empty, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProjectListFilters } from '../../modules/projects/api/projects-api';
import { ProjectFilters, PROJECT_FILTER_KEYS } from '../../modules/projects/components/ProjectFilters';
import { ProjectFormDrawer } from '../../modules/projects/components/ProjectFormDrawer';
import { ProjectsTable } from '../../modules/projects/components/ProjectsTable';
import { useProjectList } from '../../modules/projects/hooks/useProjects';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader } from '../../shared/layout';

/** 项目: the pipeline as a list, filtered and sorted on the server, money in 万元 and totals in 亿元. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rawFilters, setFilters] = useUrlFilters(PROJECT_FILTER_KEYS);
  const filters = rawFilters as ProjectListFilters;
  const list = useProjectList(filters);
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const openCreate = () => setDrawer((current) => ({ open: true, key: current.key + 1 }));
  const filtered = Object.entries(filters).some(([key, value]) => key !== 'sort' && Boolean(value));
  const sum = (pick: (p: (typeof list.items)[number]) => number | null) =>
    list.items.reduce((total, project) => total + (pick(project) ?? 0), 0);

  return (
    <>
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        extra={
          <>
            <Link to={`/projects/board${rawFilters.q ? `?q=${encodeURIComponent(rawFilters.q)}` : ''}`}>
              <Button icon={<AppstoreOutlined />}>{t('projects.views.board')}</Button>
            </Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={openCreate}>
              {t('projects.create')}
            </Button>
          </>
        }
      />
      <Card variant="borderless">
        <ProjectFilters filters={rawFilters} onChange={setFilters} />
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        {list.items.length > 0 ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="project-totals">
            {t('projects.totals', {
              total: formatYi(sum((p) => p.totalInvestmentWan)),
              contracted: formatYi(sum((p) => p.contractedWan)),
              count: list.items.length,
            })}
          </Typography.Text>
        ) : null}
        <ProjectsTable
          projects={list.items}
          loading={list.refreshing}
          sort={filters.sort}
          onSort={(sort) => setFilters({ sort })}
          empty={
            <Empty description={filtered ? t('projects.empty') : t('projects.emptyAll')}>
              {filtered ? null : (
                <Typography.Paragraph type="secondary">
                  {t('projects.emptyAllHint')} <Link to="/leads?status=qualified">{t('projects.goToLeads')}</Link>
                </Typography.Paragraph>
              )}
            </Empty>
          }
        />
        <LoadMoreFooter list={list} />
      </Card>
      <ProjectFormDrawer
        key={drawer.key}
        open={drawer.open}
        project={null}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
        onSaved={(project) => navigate(`/projects/${project.id}`)}
      />
    </>
  );
}
