import { seesAllTeams } from '@lianqiao/domain';
import { PlusOutlined } from '@ant-design/icons';
import { aftercarePaths, CULTIVATION_GOALS, type CultivationEntryDto, type CultivationGoal } from '@lianqiao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { CultivationDrawer } from '../../modules/aftercare/components/CultivationDrawer';
import { UserSelect } from '../../modules/aftercare/components/PeopleSelect';
import { useCultivation, useRemoveCultivation } from '../../modules/aftercare/hooks/useAftercare';
import { CULTIVATION_FILTER_KEYS, cultivationFiltersFromUrl } from '../../modules/aftercare/utils/filters';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { LoadMoreFooter, PageHeader, SearchInput } from '../../shared/layout';

const GOAL_COLORS: Record<CultivationGoal, string> = { above_scale: 'blue', srdi: 'purple', listing: 'gold' };

/** 企业培育库: companies grown towards 入规, 专精特新 or listing, one plan each, the closest to the goal first. */
export default function CultivationPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const seesAll = seesAllTeams(me);
  const [raw, setFilters] = useUrlFilters(CULTIVATION_FILTER_KEYS);
  const filters = useMemo(() => cultivationFiltersFromUrl(raw), [raw]);
  const list = useCultivation(filters);
  const remove = useRemoveCultivation();
  const [drawer, setDrawer] = useState<{ open: boolean; entry: CultivationEntryDto | null; key: number }>({
    open: false,
    entry: null,
    key: 0,
  });
  const openDrawer = (entry: CultivationEntryDto | null) =>
    setDrawer((current) => ({ open: true, entry, key: current.key + 1 }));
  const mayChange = (entry: CultivationEntryDto) => seesAll || entry.ownerId === me.id;
  const today = dayjs().format('YYYY-MM-DD');

  const confirmRemove = (entry: CultivationEntryDto) =>
    modal.confirm({
      title: t('aftercare.cultivation.removeConfirm', {
        name: entry.companyName,
        goal: t(`aftercare.goals.${entry.goal}`),
      }),
      okText: t('aftercare.cultivation.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(entry.id)
          .then(() => message.success(t('aftercare.cultivation.removed')))
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });

  const columns: TableColumnsType<CultivationEntryDto> = [
    {
      title: t('aftercare.cultivation.columns.company'),
      dataIndex: 'companyName',
      render: (name: string, entry) => (
        <Flex vertical gap={2} style={{ maxWidth: 420 }}>
          <Link to={aftercarePaths.company(entry.companyId)}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {name}
            </Typography.Text>
          </Link>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: entry.measures }}
            style={{ margin: 0, fontSize: 12 }}
          >
            {entry.measures}
          </Typography.Paragraph>
        </Flex>
      ),
    },
    {
      title: t('aftercare.cultivation.columns.goal'),
      dataIndex: 'goal',
      render: (goal: CultivationGoal) => <Tag color={GOAL_COLORS[goal]}>{t(`aftercare.goals.${goal}`)}</Tag>,
    },
    {
      title: t('aftercare.cultivation.columns.progress'),
      key: 'progress',
      width: 220,
      render: (_, entry) =>
        entry.achievedOn ? (
          <Tag color="success">{t('aftercare.cultivation.achievedOn', { date: entry.achievedOn })}</Tag>
        ) : (
          <Flex vertical gap={0}>
            <Progress percent={Math.round(entry.progress * 100)} size="small" style={{ margin: 0 }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {entry.milestones.length
                ? t('aftercare.cultivation.milestonesDone', {
                    done: entry.milestonesDone,
                    total: entry.milestones.length,
                  })
                : t('aftercare.cultivation.noMilestones')}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      title: t('aftercare.cultivation.columns.nextDue'),
      key: 'nextDue',
      render: (_, entry) => {
        if (entry.achievedOn || !entry.nextDueOn)
          return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
        const next = entry.milestones.find((m) => !m.doneOn && m.dueOn === entry.nextDueOn);
        return (
          <Tooltip title={next?.title}>
            <Flex vertical gap={0}>
              <Typography.Text type={entry.nextDueOn < today ? 'danger' : undefined} className="lq-nowrap">
                {entry.nextDueOn}
              </Typography.Text>
              {next ? (
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 200 }}>
                  {next.title}
                </Typography.Text>
              ) : null}
            </Flex>
          </Tooltip>
        );
      },
    },
    {
      title: t('aftercare.cultivation.columns.owner'),
      dataIndex: 'ownerName',
      render: (name: string | null) => name ?? t('common.none'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, entry) =>
        mayChange(entry) ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => openDrawer(entry)}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" danger onClick={() => confirmRemove(entry)}>
              {t('aftercare.cultivation.remove')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  const anySet = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title={t('aftercare.cultivation.title')}
        subtitle={t('aftercare.cultivation.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)}>
            {t('aftercare.cultivation.create')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented<string>
            value={filters.goal ?? ''}
            onChange={(goal) => setFilters({ goal: goal || undefined })}
            options={[
              { value: '', label: t('aftercare.cultivation.allGoals') },
              ...CULTIVATION_GOALS.map((goal) => ({ value: goal, label: t(`aftercare.goals.${goal}`) })),
            ]}
          />
          <SearchInput
            value={filters.q}
            placeholder={t('aftercare.cultivation.searchPlaceholder')}
            onSearch={(q) => setFilters({ q })}
            width={200}
          />
          <Select<'true' | 'false'>
            allowClear
            style={{ width: 130 }}
            placeholder={t('aftercare.cultivation.filterAchieved')}
            aria-label={t('aftercare.cultivation.filterAchieved')}
            value={filters.achieved}
            onChange={(achieved) => setFilters({ achieved })}
            options={[
              { value: 'false', label: t('aftercare.cultivation.onTheWay') },
              { value: 'true', label: t('aftercare.cultivation.achieved') },
            ]}
          />
          <UserSelect
            width={160}
            allowClear
            aria-label={t('aftercare.cultivation.filterOwner')}
            placeholder={t('aftercare.cultivation.filterOwner')}
            value={filters.ownerId}
            onChange={(ownerId) => setFilters({ ownerId })}
          />
          {anySet ? (
            <Button type="link" onClick={() => setFilters(null)}>
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
        {list.isError ? (
          <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<CultivationEntryDto>
          rowKey="id"
          columns={columns}
          dataSource={list.items}
          loading={list.refreshing}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftercare.cultivation.empty')} />,
          }}
        />
        <LoadMoreFooter list={list} />
      </Card>
      <CultivationDrawer
        key={drawer.key}
        open={drawer.open}
        entry={drawer.entry}
        user={me}
        onClose={() => setDrawer((current) => ({ ...current, open: false }))}
      />
    </>
  );
}
