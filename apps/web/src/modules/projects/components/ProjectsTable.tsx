import type { ProjectDto } from '@lianqiao/contracts';
import { formatWan } from '@lianqiao/domain';
import { Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { sortOrderOf, sortParamOf } from '../../../shared/hooks/tableSort';
import { ProjectFlags, StageTag } from './ProjectTags';

const money = (wan: number | null, none: string) => (wan === null ? none : formatWan(wan));

export function ProjectsTable({
  projects,
  loading,
  sort,
  onSort,
  empty,
  compact = false,
}: {
  projects: ProjectDto[];
  loading: boolean;
  sort?: string;
  onSort?: (sort: string | undefined) => void;
  empty: ReactNode;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const none = t('common.none');
  const sortable = (field: string) => (onSort ? { sorter: true, sortOrder: sortOrderOf(sort, field) } : {});
  const columns: TableColumnsType<ProjectDto> = [
    {
      key: 'name',
      title: t('projects.columns.name'),
      ...sortable('name'),
      render: (_, project) => (
        <div>
          <Link to={`/projects/${project.id}`}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {project.name}
            </Typography.Text>
          </Link>
          {!compact && project.companyName ? (
            <div>
              <Typography.Text type="secondary">{project.companyName}</Typography.Text>
            </div>
          ) : null}
          <div style={{ marginTop: 2 }}>
            <ProjectFlags project={project} />
          </div>
        </div>
      ),
    },
    {
      key: 'stage',
      title: t('projects.columns.stage'),
      width: 110,
      render: (_, project) => <StageTag stage={project.stage} />,
    },
    {
      key: 'owner',
      title: t('projects.columns.owner'),
      width: 120,
      ellipsis: true,
      render: (_, project) => project.ownerName ?? none,
    },
    ...(compact
      ? []
      : [
          {
            key: 'leader',
            title: t('projects.columns.leader'),
            width: 120,
            ellipsis: true,
            render: (_: unknown, project: ProjectDto) => project.responsibleLeaderName ?? none,
          },
        ]),
    {
      key: 'totalInvestmentWan',
      title: t('projects.columns.totalInvestment'),
      width: 140,
      align: 'right',
      ...sortable('totalInvestmentWan'),
      render: (_, project) => money(project.totalInvestmentWan, none),
    },
    {
      key: 'contractedWan',
      title: t('projects.columns.contracted'),
      width: 140,
      align: 'right',
      ...sortable('contractedWan'),
      render: (_, project) => money(project.contractedWan, none),
    },
    {
      key: 'lastProgressAt',
      title: t('projects.columns.lastProgress'),
      width: 120,
      ...sortable('lastProgressAt'),
      render: (_, project) => dayjs(project.lastProgressAt).format('YYYY-MM-DD'),
    },
  ];
  return (
    <Table<ProjectDto>
      rowKey="id"
      columns={columns}
      dataSource={projects}
      loading={loading}
      pagination={false}
      scroll={compact ? undefined : { x: 1000 }}
      size="middle"
      showSorterTooltip={false}
      onChange={(_p, _f, sorter, extra) => {
        if (extra.action === 'sort') onSort?.(sortParamOf(sorter));
      }}
      locale={{ emptyText: loading ? ' ' : empty }}
    />
  );
}
