import { PROJECT_STAGES, type ProjectDto, type ProjectStageChangeDto } from '@lianqiao/contracts';
import { isStage } from '@lianqiao/domain';
import { Alert, Empty, Flex, Skeleton, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useProjectHistory } from '../hooks/useProjects';
import { StageTag } from './ProjectTags';

/** Where the project stands on the five stages (held or lost shown at the stage it left). */
export function StageSteps({ project }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const at = isStage(project.stage) ? project.stage : project.heldStage;
  const current = at ? PROJECT_STAGES.indexOf(at) : 0;
  const status =
    project.stage === 'lost'
      ? 'error'
      : project.stage === 'on_hold'
        ? 'wait'
        : project.stage === 'in_production'
          ? 'finish'
          : 'process';
  const dates: Partial<Record<(typeof PROJECT_STAGES)[number], string | null>> = {
    signed: project.signedAt,
    under_construction: project.startedAt,
    in_production: project.producingAt,
  };
  return (
    <Steps
      size="small"
      current={current}
      status={status}
      items={PROJECT_STAGES.map((stage) => ({
        title: t(`projects.stages.${stage}`),
        content: dates[stage] ? dayjs(dates[stage]).format('YYYY-MM-DD') : undefined,
      }))}
    />
  );
}

/** Every move: from, to, when, who, the note or reason, and the evidence given. */
export function StageHistory({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const history = useProjectHistory(projectId);
  if (history.isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (history.isError) return <Alert type="error" showIcon title={describeError(history.error, t)} />;
  const rows = [...(history.data?.items ?? [])].reverse();
  if (rows.length === 0) return <Empty description={t('projects.detail.noHistory')} />;
  return (
    <div data-testid="stage-history">
      <Timeline
        items={rows.map((row: ProjectStageChangeDto) => ({
          key: row.id,
          color: row.toStage === 'lost' ? 'red' : row.reason ? 'orange' : 'green',
          content: (
            <Flex vertical gap={4} style={{ paddingBottom: 8 }}>
              <Flex gap={6} align="center" wrap>
                {row.fromStage ? (
                  <>
                    <StageTag stage={row.fromStage} />
                    <Typography.Text type="secondary">→</Typography.Text>
                  </>
                ) : null}
                <StageTag stage={row.toStage} />
                <Typography.Text type="secondary">{dayjs(row.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                {row.actorName ? (
                  <Typography.Text type="secondary">
                    {t('projects.detail.historyBy', { name: row.actorName })}
                  </Typography.Text>
                ) : null}
              </Flex>
              {row.reason ? (
                <Typography.Text type="warning">
                  {t('projects.detail.historyReason', { text: row.reason })}
                </Typography.Text>
              ) : null}
              {row.note ? <Typography.Text>{row.note}</Typography.Text> : null}
              {row.evidence ? (
                <Flex gap={4} wrap>
                  {Object.entries(row.evidence).map(([field, value]) => (
                    <Tag key={field} variant="outlined">
                      {t(`projects.evidence.${field as 'signedAt'}`)}：
                      {typeof value === 'number' ? value.toLocaleString() : String(value)}
                    </Tag>
                  ))}
                </Flex>
              ) : null}
            </Flex>
          ),
        }))}
      />
    </div>
  );
}
