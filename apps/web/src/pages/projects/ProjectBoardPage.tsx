import { UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardFilters } from '../../modules/projects/api/projects-api';
import { ProjectBoard } from '../../modules/projects/components/ProjectBoard';
import { ProjectFilters } from '../../modules/projects/components/ProjectFilters';
import { TransitionModal, type TransitionTarget } from '../../modules/projects/components/TransitionModal';
import { useProjectBoard } from '../../modules/projects/hooks/useProjects';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader } from '../../shared/layout';

const BOARD_KEYS = ['q', 'teamId', 'ownerId', 'chainNode', 'isKey'] as const;

/** 项目看板: the pipeline by stage; drag a card to move it on, the transition form asks for the evidence. */
export default function ProjectBoardPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(BOARD_KEYS);
  const query = useMemo(() => filters as BoardFilters, [filters]);
  const board = useProjectBoard(query);
  const [moving, setMoving] = useState<TransitionTarget | null>(null);

  return (
    <>
      <PageHeader
        title={t('projects.boardTitle')}
        subtitle={t('projects.boardSubtitle')}
        extra={
          <Link to="/projects">
            <Button icon={<UnorderedListOutlined />}>{t('projects.views.list')}</Button>
          </Link>
        }
      />
      <Card variant="borderless" styles={{ body: { padding: '16px 16px 8px' } }}>
        <ProjectFilters board filters={filters} onChange={setFilters} />
        {board.isError ? (
          <Alert type="error" showIcon title={describeError(board.error, t)} style={{ marginBottom: 16 }} />
        ) : null}
        {board.isLoading || !board.data ? (
          <Flex gap={12}>
            {Array.from({ length: 5 }, (_, index) => (
              <Skeleton.Node key={index} active style={{ width: 256, height: 320 }} />
            ))}
          </Flex>
        ) : (
          <>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
              {t('projects.board.dragHint')}
            </Typography.Text>
            <ProjectBoard columns={board.data.columns} onMove={(project, to) => setMoving({ project, to })} />
          </>
        )}
      </Card>
      <TransitionModal target={moving} onClose={() => setMoving(null)} />
    </>
  );
}
