import { BarChartOutlined, EditOutlined, PictureOutlined, ShareAltOutlined } from '@ant-design/icons';
import { keyFigures } from '@lianqiao/card';
import type { PromoProjectDto, UserDto } from '@lianqiao/contracts';
import { Button, Flex, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canEditPromo, isLive } from '../utils';
import { PromoStatus } from './PromoStatus';
import styles from './PromoTable.module.css';

export interface PromoTableProps {
  projects: PromoProjectDto[];
  loading: boolean;
  me: Pick<UserDto, 'id' | 'role' | 'teamId'>;
  ownerNames: Map<string, string>;
  /** Leaders pick live cards for a zip of share packages; absent for staff. */
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
}

export function PromoTable({ projects, loading, me, ownerNames, selection }: PromoTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<PromoProjectDto> = [
    {
      title: t('promo.columns.title'),
      key: 'title',
      minWidth: 260,
      render: (_, project) => {
        const thumb = project.cover?.variants[0]?.url;
        return (
          <Flex gap={12} align="center">
            <div className={styles.thumb}>
              {thumb ? <img src={thumb} alt="" loading="lazy" /> : <PictureOutlined />}
            </div>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Link to={`/promo-projects/${project.id}`} className={styles.title} title={project.title}>
                {project.title}
              </Link>
              <Flex gap={6} align="center">
                <Tag style={{ margin: 0 }}>{t(`promo.kinds.${project.kind}`)}</Tag>
                <Typography.Text type="secondary" className={styles.slug}>
                  /c/{project.slug}
                </Typography.Text>
              </Flex>
            </Flex>
          </Flex>
        );
      },
    },
    {
      title: t('promo.columns.status'),
      key: 'status',
      width: 180,
      render: (_, project) => <PromoStatus project={project} />,
    },
    {
      title: t('promo.columns.figures'),
      key: 'figures',
      width: 190,
      render: (_, project) => {
        const figures = keyFigures(project).filter((f) => f.label !== '项目位置');
        return figures.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {figures.map((f) => f.value).join(' · ')}
          </Typography.Text>
        ) : (
          t('common.none')
        );
      },
    },
    {
      title: t('promo.columns.owner'),
      dataIndex: 'ownerId',
      width: 110,
      render: (id: string) => ownerNames.get(id) ?? t('common.none'),
    },
    {
      title: t('promo.columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'end',
      render: (_, project) => (
        <Space size={0}>
          {isLive(project) ? (
            <Tooltip title={t('promo.share')}>
              <Button
                type="text"
                size="small"
                icon={<ShareAltOutlined />}
                aria-label={t('promo.share')}
                onClick={() => navigate(`/promo-projects/${project.id}?tab=share`)}
              />
            </Tooltip>
          ) : null}
          {canEditPromo(me, project) && project.reviewState !== 'in_review' ? (
            <Tooltip title={t('common.edit')}>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('common.edit')}
                onClick={() => navigate(`/promo-projects/${project.id}/edit`)}
              />
            </Tooltip>
          ) : null}
          {canEditPromo(me, project) && project.liveVersion !== null ? (
            <Tooltip title={t('promo.stats')}>
              <Button
                type="text"
                size="small"
                icon={<BarChartOutlined />}
                aria-label={t('promo.stats')}
                onClick={() => navigate(`/promo-projects/${project.id}/stats`)}
              />
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Table<PromoProjectDto>
      rowKey="id"
      columns={columns}
      dataSource={projects}
      loading={loading}
      pagination={false}
      scroll={{ x: 1040 }}
      size="middle"
      locale={{ emptyText: t('promo.emptyList') }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.keys,
              onChange: (keys) => selection.onChange(keys as string[]),
              preserveSelectedRowKeys: true,
              getCheckboxProps: (project) => ({
                disabled: !isLive(project),
                title: isLive(project) ? undefined : t('promo.onlyLiveSelectable'),
              }),
            }
          : undefined
      }
    />
  );
}
