import {
  CommentOutlined,
  EnvironmentOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  PlusOutlined,
  QrcodeOutlined,
  RiseOutlined,
  TeamOutlined,
  VideoCameraOutlined,
  FormOutlined,
  HomeOutlined,
} from '@ant-design/icons';
import type { ActivityDto, ActivityKind, SubjectType } from '@lianqiao/contracts';
import { Alert, Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useTimeline } from '../hooks/useActivities';
import { LogActivityModal } from './LogActivityModal';

const KIND_ICONS: Record<ActivityKind, ReactNode> = {
  call: <PhoneOutlined />,
  visit: <EnvironmentOutlined />,
  meeting: <TeamOutlined />,
  online_meeting: <VideoCameraOutlined />,
  wechat: <MessageOutlined />,
  email: <MailOutlined />,
  reception: <HomeOutlined />,
  stage_change: <RiseOutlined />,
  card_scan: <QrcodeOutlined />,
  interest: <CommentOutlined />,
  note: <FormOutlined />,
};

const KIND_COLORS: Partial<Record<ActivityKind, string>> = {
  stage_change: 'green',
  card_scan: 'purple',
  interest: 'magenta',
};

/** A record's follow-ups and system events (stage changes, scans, interests), newest first. */
export function ActivityTimeline({
  subjectType,
  subjectId,
  canLog = true,
}: {
  subjectType: SubjectType;
  subjectId: string;
  canLog?: boolean;
}) {
  const { t } = useTranslation();
  const timeline = useTimeline(subjectType, subjectId);
  const [logging, setLogging] = useState(false);
  const items = timeline.data?.items ?? [];

  const entry = (activity: ActivityDto) => ({
    key: activity.id,
    color: KIND_COLORS[activity.kind] ?? 'blue',
    icon: <span style={{ fontSize: 14 }}>{KIND_ICONS[activity.kind]}</span>,
    content: (
      <Flex vertical gap={4} style={{ paddingBottom: 8 }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={KIND_COLORS[activity.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`activities.kinds.${activity.kind}`)}
          </Tag>
          <Typography.Text type="secondary">{dayjs(activity.occurredAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('activities.by', { name: activity.actorName ?? t('activities.system') })}
          </Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{activity.summary}</Typography.Paragraph>
        {activity.nextStep ? (
          <Typography.Text type="warning">{t('activities.nextStep', { text: activity.nextStep })}</Typography.Text>
        ) : null}
        {activity.participants ? (
          <Typography.Text type="secondary">
            {t('activities.participants', { text: activity.participants })}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  });

  return (
    <div>
      {canLog && items.length > 0 ? (
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)}>
            {t('activities.log')}
          </Button>
        </Flex>
      ) : null}
      {timeline.isError ? <Alert type="error" showIcon title={describeError(timeline.error, t)} /> : null}
      {timeline.isLoading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : items.length === 0 && !timeline.isError ? (
        <Empty description={t('activities.empty')}>
          {canLog ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setLogging(true)}>
              {t('activities.emptyAction')}
            </Button>
          ) : null}
        </Empty>
      ) : (
        <div data-testid="activity-timeline">
          <Timeline items={items.map(entry)} />
        </div>
      )}
      <LogActivityModal
        open={logging}
        subjectType={subjectType}
        subjectId={subjectId}
        onClose={() => setLogging(false)}
      />
    </div>
  );
}
