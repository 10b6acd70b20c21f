import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { UserOutlined } from '@ant-design/icons';
import type { BoardCardDto, BoardColumnDto, ProjectStatus } from '@lianqiao/contracts';
import { formatWan, formatYi } from '@lianqiao/domain';
import { Badge, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProjectFlags, STAGE_COLORS } from './ProjectTags';
import styles from './ProjectBoard.module.css';

/**
 * The pipeline as a kanban: one column per stage with its count and sums in 亿元. Dropping a
 * card on another column asks `onMove` to open the transition form; the card itself stays where
 * it is until the server has accepted the move, so a refused move simply leaves it in place.
 */
export function ProjectBoard({
  columns,
  onMove,
}: {
  columns: BoardColumnDto[];
  onMove: (project: BoardCardDto, to: ProjectStatus) => void;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const [dragging, setDragging] = useState<BoardCardDto | null>(null);

  const onDragStart = (event: DragStartEvent) =>
    setDragging((event.active.data.current?.project as BoardCardDto) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const project = event.active.data.current?.project as BoardCardDto | undefined;
    const to = event.over?.id as ProjectStatus | undefined;
    if (project && to && to !== project.stage) onMove(project, to);
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <div className={styles.board} data-testid="project-board">
        {columns.map((column) => (
          <BoardColumn key={column.stage} column={column} draggingFrom={dragging?.stage ?? null} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{dragging ? <ProjectCard project={dragging} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}

function BoardColumn({ column, draggingFrom }: { column: BoardColumnDto; draggingFrom: ProjectStatus | null }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const more = column.count - column.items.length;
  const target = draggingFrom !== null && draggingFrom !== column.stage;
  return (
    <section
      ref={setNodeRef}
      className={[styles.column, isOver && target ? styles.over : '', target ? styles.target : ''].join(' ')}
      data-testid={`board-column-${column.stage}`}
      aria-label={t(`projects.stages.${column.stage}`)}
    >
      <header className={styles.columnHeader}>
        <Flex justify="space-between" align="center">
          <Flex gap={8} align="center">
            <span className={styles.dot} data-color={STAGE_COLORS[column.stage]} />
            <Typography.Text strong>{t(`projects.stages.${column.stage}`)}</Typography.Text>
          </Flex>
          <Badge count={column.count} showZero overflowCount={99999} color="#8c9bb5" />
        </Flex>
        <Typography.Text type="secondary" className={styles.sums}>
          {t('projects.board.sum', { amount: formatYi(column.totalInvestmentWan) })}
          {column.contractedWan > 0
            ? ` · ${t('projects.board.contracted', { amount: formatYi(column.contractedWan) })}`
            : ''}
        </Typography.Text>
      </header>
      <div className={styles.cards}>
        {column.items.length === 0 ? (
          <div className={styles.empty}>{t('projects.board.empty')}</div>
        ) : (
          column.items.map((project) => <DraggableCard key={project.id} project={project} />)
        )}
        {more > 0 ? (
          <Link to={`/projects?stage=${column.stage}`} className={styles.more}>
            {t('projects.board.more', { count: more })}
          </Link>
        ) : null}
      </div>
    </section>
  );
}

function DraggableCard({ project }: { project: BoardCardDto }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: project.id, data: { project } });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      // A group, not dnd-kit's role="button": a button may not hold the card's link to the project.
      role="group"
      aria-label={project.name}
      className={styles.draggable}
      style={{ opacity: isDragging ? 0.35 : 1 }}
    >
      <ProjectCard project={project} />
    </div>
  );
}

function ProjectCard({ project, overlay = false }: { project: BoardCardDto; overlay?: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      variant="borderless"
      className={[styles.card, overlay ? styles.overlay : '', project.stalled ? styles.stalled : ''].join(' ')}
      data-testid="board-card"
      data-project={project.name}
    >
      <Link to={`/projects/${project.id}`} className={styles.cardTitle} draggable={false}>
        {project.name}
      </Link>
      {project.companyName ? (
        <Typography.Text type="secondary" ellipsis className={styles.cardLine}>
          {project.companyName}
        </Typography.Text>
      ) : null}
      <Flex justify="space-between" align="center" gap={8} className={styles.cardMeta}>
        <Typography.Text strong className={styles.money}>
          {project.totalInvestmentWan !== null ? formatWan(project.totalInvestmentWan) : t('common.none')}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis className={styles.owner}>
          <UserOutlined /> {project.ownerName ?? t('common.none')}
        </Typography.Text>
      </Flex>
      <ProjectFlags project={project} />
    </Card>
  );
}
