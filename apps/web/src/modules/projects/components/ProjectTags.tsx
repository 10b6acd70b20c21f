import { ClockCircleOutlined, FireOutlined, LockOutlined } from '@ant-design/icons';
import type { ProjectDto, ProjectStatus } from '@lianqiao/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export const STAGE_COLORS: Record<ProjectStatus, string> = {
  negotiating: 'blue',
  signed: 'cyan',
  registered: 'geekblue',
  under_construction: 'orange',
  in_production: 'green',
  on_hold: 'default',
  lost: 'red',
};

export function StageTag({ stage }: { stage: ProjectStatus }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[stage]}>{t(`projects.stages.${stage}`)}</Tag>;
}

/** Stalled: flagged wherever a project shows, so it is never overlooked. */
export function StalledTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('projects.stalledHelp')}>
      <Tag color="warning" icon={<ClockCircleOutlined />} data-testid="stalled-tag">
        {t('projects.stalled')}
      </Tag>
    </Tooltip>
  );
}

/** Key, confidential and stalled flags of a project. */
export function ProjectFlags({ project }: { project: Pick<ProjectDto, 'isKey' | 'isConfidential' | 'stalled'> }) {
  const { t } = useTranslation();
  if (!project.isKey && !project.isConfidential && !project.stalled) return null;
  return (
    <Space size={[0, 4]} wrap>
      {project.isKey ? (
        <Tag color="volcano" icon={<FireOutlined />}>
          {t('projects.key')}
        </Tag>
      ) : null}
      {project.isConfidential ? <Tag icon={<LockOutlined />}>{t('projects.confidential')}</Tag> : null}
      {project.stalled ? <StalledTag /> : null}
    </Space>
  );
}
