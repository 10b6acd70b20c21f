import { aftercarePaths, type MyEnterpriseDto } from '@lianqiao/contracts';
import { Empty, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STAGE_COLORS: Record<string, string> = {
  negotiating: 'default',
  signed: 'blue',
  registered: 'cyan',
  under_construction: 'geekblue',
  in_production: 'green',
  on_hold: 'orange',
  lost: 'default',
};

/** A leader's or representative's enterprises: who, what happened last, what is open, where the projects stand. */
export function MyEnterprisesTable({ items, loading }: { items: MyEnterpriseDto[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MyEnterpriseDto> = [
    {
      title: t('aftercare.mine.columns.company'),
      dataIndex: 'companyName',
      render: (name: string, row) => (
        <Flex vertical gap={4}>
          <Link to={aftercarePaths.company(row.companyId)}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {name}
            </Typography.Text>
          </Link>
          <Space size={4} wrap>
            {row.roles.map((role) => (
              <Tag key={role} color={role === 'responsible_leader' ? 'gold' : 'blue'} variant="outlined">
                {t(`aftercare.roles.${role}`)}
              </Tag>
            ))}
          </Space>
        </Flex>
      ),
    },
    {
      title: t('aftercare.mine.columns.people'),
      key: 'people',
      width: 180,
      render: (_, row) => (
        <Flex vertical gap={2} style={{ whiteSpace: 'nowrap' }}>
          <span>
            {row.responsibleLeader?.displayName ?? (
              <Typography.Text type="secondary">{t('aftercare.unassigned')}</Typography.Text>
            )}
          </span>
          <Typography.Text type="secondary">{row.affairsRep?.displayName ?? t('aftercare.unassigned')}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('aftercare.mine.columns.latest'),
      key: 'latest',
      render: (_, row) =>
        row.latestActivity ? (
          <Flex vertical gap={2} style={{ maxWidth: 320 }}>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: row.latestActivity.summary }} style={{ margin: 0 }}>
              {row.latestActivity.summary}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(row.latestActivity.occurredAt).format('YYYY-MM-DD HH:mm')}
              {row.latestActivity.actorName ? ` · ${row.latestActivity.actorName}` : ''}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('aftercare.mine.noActivity')}</Typography.Text>
        ),
    },
    {
      title: t('aftercare.mine.columns.requests'),
      key: 'requests',
      width: 130,
      render: (_, row) =>
        row.openRequestCount ? (
          <Flex vertical gap={4} align="flex-start">
            <Link to={`/aftercare/requests?q=${encodeURIComponent(row.companyName)}`}>
              {t('aftercare.mine.openCount', { count: row.openRequestCount })}
            </Link>
            {row.overdueRequestCount ? (
              <Tag color="error">{t('aftercare.mine.overdueCount', { count: row.overdueRequestCount })}</Tag>
            ) : null}
          </Flex>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('aftercare.mine.columns.projects'),
      key: 'projects',
      render: (_, row) =>
        row.projects.length ? (
          <Flex vertical gap={4}>
            {row.projects.map((project) => (
              <Space key={project.id} size={6}>
                <Tag color={STAGE_COLORS[project.stage]}>{t(`aftercare.stages.${project.stage}`)}</Tag>
                <span>{project.name}</span>
              </Space>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('aftercare.mine.noProjects')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<MyEnterpriseDto>
      rowKey="companyId"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size="middle"
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Flex vertical gap={4}>
                <span>{t('aftercare.mine.empty')}</span>
                <Typography.Text type="secondary">{t('aftercare.mine.emptyHint')}</Typography.Text>
              </Flex>
            }
          />
        ),
      }}
    />
  );
}
