import { isAdmin } from '@lianqiao/domain';
import { PlusOutlined, StarFilled } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../modules/auth/hooks/useSession';
import { ChainNodeDrawer } from '../../modules/chains/components/ChainNodeDrawer';
import { ChainNodeFormModal, type ChainNodeFormTarget } from '../../modules/chains/components/ChainNodeFormModal';
import { useChainList, useChainTree } from '../../modules/chains/hooks/useChains';
import { findNode, flattenNodes, LEVEL_COLORS, levelCounts } from '../../modules/chains/utils';
import { describeError } from '../../shared/http';
import { useUrlFilters } from '../../shared/hooks/useUrlFilters';
import { PageHeader } from '../../shared/layout';
import styles from './ChainMapPage.module.css';

// echarts is the heaviest thing in the console: it loads only when a chain is drawn.
const ChainMapChart = lazy(() =>
  import('../../modules/chains/components/ChainMapChart').then((m) => ({ default: m.ChainMapChart })),
);

const KEYS = ['chain'] as const;

/** 产业链图谱: the chain drawn upstream to downstream, each segment coloured by what the district has. */
export default function ChainMapPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = isAdmin(user);
  const [filters, setFilters] = useUrlFilters(KEYS);
  const chains = useChainList();
  const all = chains.data?.items ?? [];
  const code = filters.chain ?? all.find((chain) => chain.kind === 'chain')?.code ?? all[0]?.code;
  const tree = useChainTree(code);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<ChainNodeFormTarget | null>(null);

  const selected = useMemo(
    () => (selectedId && tree.data ? (findNode(tree.data.nodes, selectedId) ?? null) : null),
    [selectedId, tree.data],
  );
  // The tree waits for the chain list (to know which chain to draw): loading until it has data.
  const treeLoading = !tree.data && !tree.isError && !chains.isError;
  const counts = tree.data ? levelCounts(tree.data) : null;
  const gaps = tree.data ? flattenNodes(tree.data.nodes).filter((node) => node.level === 'gap') : [];
  const chainOptions = all.filter((chain) => chain.kind === 'chain');
  const sectorOptions = all.filter((chain) => chain.kind === 'sector');
  const isSector = sectorOptions.some((chain) => chain.code === code);

  return (
    <>
      <PageHeader
        title={t('chains.title')}
        subtitle={t('chains.subtitle')}
        extra={
          canEdit && tree.data ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'add', parent: null })}>
              {t('chains.edit.add')}
            </Button>
          ) : undefined
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {chains.isLoading ? (
          <Skeleton.Button active style={{ width: 240 }} />
        ) : (
          <Segmented
            aria-label={t('chains.switcher')}
            value={isSector ? '' : code}
            onChange={(value) => {
              setSelectedId(null);
              setFilters({ chain: String(value) });
            }}
            options={chainOptions.map((chain) => ({ value: chain.code, label: chain.name }))}
          />
        )}
        {sectorOptions.length > 0 ? (
          <Select
            style={{ width: 200 }}
            placeholder={t('chains.chainKinds.sector')}
            aria-label={t('chains.chainKinds.sector')}
            value={isSector ? code : undefined}
            onChange={(value: string) => {
              setSelectedId(null);
              setFilters({ chain: value });
            }}
            options={sectorOptions.map((chain) => ({ value: chain.code, label: chain.name }))}
          />
        ) : null}
      </Flex>

      {chains.isError || tree.isError ? (
        <Alert
          type="error"
          showIcon
          title={t('chains.loadFailed')}
          description={describeError(chains.error ?? tree.error, t)}
          style={{ marginBottom: 16 }}
        />
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card variant="borderless">
            <Flex gap={16} wrap align="center" style={{ marginBottom: 8 }}>
              {(['gap', 'weak', 'strong'] as const).map((level) => (
                <Space key={level} size={6}>
                  <span
                    style={{
                      display: 'inline-block',
                      width: 14,
                      height: 14,
                      borderRadius: 3,
                      background: LEVEL_COLORS[level].fill,
                      border: `2px ${level === 'gap' ? 'dashed' : 'solid'} ${LEVEL_COLORS[level].border}`,
                    }}
                  />
                  <Typography.Text>{t(`chains.levels.${level}`)}</Typography.Text>
                </Space>
              ))}
              <Space size={6}>
                <StarFilled style={{ color: '#d48806' }} />
                <Typography.Text>{t('chains.chainLeader')}</Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
                {t('chains.levelHelp')}
              </Typography.Text>
            </Flex>
            {treeLoading || !tree.data ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : tree.data.nodes.length === 0 ? (
              <Empty
                description={canEdit ? t('chains.emptySectorAdmin') : t('chains.emptySector')}
                style={{ padding: 48 }}
              >
                {canEdit ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'add', parent: null })}>
                    {t('chains.edit.add')}
                  </Button>
                ) : null}
              </Empty>
            ) : (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
                <ChainMapChart tree={tree.data} onSelect={setSelectedId} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Flex vertical gap={16}>
            <Card variant="borderless">
              <Row gutter={[8, 16]}>
                <Col span={12}>
                  <Statistic
                    title={t('chains.summary.segments')}
                    value={tree.data?.nodeCount ?? 0}
                    loading={treeLoading}
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('chains.summary.gaps')}
                    value={counts?.gap ?? 0}
                    loading={treeLoading}
                    styles={{ content: { color: LEVEL_COLORS.gap.border } }}
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('chains.summary.weak')}
                    value={counts?.weak ?? 0}
                    loading={treeLoading}
                    styles={{ content: { color: LEVEL_COLORS.weak.border } }}
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t('chains.summary.strong')}
                    value={counts?.strong ?? 0}
                    loading={treeLoading}
                    styles={{ content: { color: LEVEL_COLORS.strong.border } }}
                  />
                </Col>
              </Row>
            </Card>
            <Card variant="borderless" title={t('chains.gapList')} size="small">
              {treeLoading ? (
                <Skeleton active paragraph={{ rows: 4 }} title={false} />
              ) : gaps.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chains.gapListEmpty')} />
              ) : (
                <Flex vertical gap={2} style={{ maxHeight: 420, overflow: 'auto' }}>
                  {gaps.map((node) => (
                    <Flex
                      key={node.id}
                      justify="space-between"
                      align="center"
                      className={styles.pickRow}
                      role="button"
                      tabIndex={0}
                      onClick={() => setSelectedId(node.id)}
                      onKeyDown={(event) => event.key === 'Enter' && setSelectedId(node.id)}
                    >
                      <Typography.Link>{node.name}</Typography.Link>
                      <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
                        {t('chains.targetCount', { count: node.targetCount })}
                      </Tag>
                    </Flex>
                  ))}
                </Flex>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>

      {tree.data ? (
        <>
          <ChainNodeDrawer
            chainCode={tree.data.code}
            node={selected}
            canEdit={canEdit}
            onClose={() => setSelectedId(null)}
            onRename={(node) => setForm({ mode: 'rename', node })}
            onAddChild={(node) => setForm({ mode: 'add', parent: node })}
          />
          <ChainNodeFormModal tree={tree.data} target={form} onClose={() => setForm(null)} />
        </>
      ) : null}
    </>
  );
}
