import type { EscalationReason } from '@lianqiao/contracts';
import { Alert, Card, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import type { AuditEntryDto } from '../api/aftercare-api';
import { useRequestTrail } from '../hooks/useAftercare';

interface Step {
  key: string;
  at: string;
  who: string;
  text: string;
  detail?: string | null;
  color: string;
}

const str = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** One audit entry of a request as a sentence of its history. */
export function stepOf(entry: AuditEntryDto, unitNames: Map<string, string>, t: TFunction): Step {
  const after = entry.after ?? {};
  const who =
    entry.actorName ??
    (['confirm', 'reject', 'create'].includes(entry.action)
      ? t('aftercare.request.timeline.enterprise')
      : t('aftercare.request.timeline.system'));
  const base = { key: entry.id, at: entry.createdAt, who };
  switch (entry.action) {
    case 'create':
      return {
        ...base,
        text: entry.actorName
          ? t('aftercare.request.timeline.created')
          : t('aftercare.request.timeline.createdByEnterprise'),
        detail: str(after.description),
        color: 'blue',
      };
    case 'update':
      return { ...base, text: t('aftercare.request.timeline.updated'), color: 'gray' };
    case 'route': {
      const name = unitNames.get(str(after.orgUnitId) ?? '');
      return {
        ...base,
        text: name ? t('aftercare.request.timeline.routed', { name }) : t('aftercare.request.timeline.routedUnknown'),
        color: 'blue',
      };
    }
    case 'start':
      return { ...base, text: t('aftercare.request.timeline.started'), color: 'blue' };
    case 'resolve':
      return { ...base, text: t('aftercare.request.timeline.resolved'), detail: str(after.resolution), color: 'green' };
    case 'escalate': {
      const reason = str(after.escalationReason) as EscalationReason | null;
      return {
        ...base,
        text: t('aftercare.request.timeline.escalated', {
          reason: reason ? t(`aftercare.escalationReasons.${reason}`) : '',
        }),
        color: 'red',
      };
    }
    case 'confirm':
    case 'reject':
      return {
        ...base,
        text: t(
          entry.action === 'confirm' ? 'aftercare.request.timeline.confirmed' : 'aftercare.request.timeline.rejected',
          {
            score: after.satisfaction ?? '',
          },
        ),
        detail: str(after.satisfactionComment),
        color: entry.action === 'confirm' ? 'green' : 'red',
      };
    default:
      return { ...base, text: t('aftercare.request.timeline.other', { action: entry.action }), color: 'gray' };
  }
}

/** 办理过程: who did what to the request and when, oldest first, from its audit trail. */
export function RequestTimeline({ requestId, unitNames }: { requestId: string; unitNames: Map<string, string> }) {
  const { t } = useTranslation();
  const trail = useRequestTrail(requestId);
  const steps = [...(trail.data?.items ?? [])]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((entry) => stepOf(entry, unitNames, t));

  return (
    <Card variant="borderless" title={t('aftercare.request.timeline.title')}>
      {trail.isError ? <Alert type="error" showIcon title={describeError(trail.error, t)} /> : null}
      {trail.isLoading ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {trail.data && !steps.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('aftercare.request.timeline.empty')} />
      ) : null}
      {steps.length ? (
        <Timeline
          data-testid="request-timeline"
          items={steps.map((step) => ({
            key: step.key,
            color: step.color,
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>{step.text}</Typography.Text>
                {step.detail ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {step.detail}
                  </Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(step.at).format('YYYY-MM-DD HH:mm')} · {step.who}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}
