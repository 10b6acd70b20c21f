import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChainCatalog } from '../hooks/useChains';

/** A record's chain segments as tags, each linked to the chain map's names; `max` then "+N". */
export function ChainNodeTags({ ids, max = 2 }: { ids: string[]; max?: number }) {
  const { t } = useTranslation();
  const { nodes } = useChainCatalog();
  if (ids.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const named = ids.map((id) => nodes.get(id)).filter((node) => node !== undefined);
  const shown = named.slice(0, max);
  const rest = named.slice(max);
  return (
    <Space size={[0, 4]} wrap>
      {shown.map((node) => (
        <Tooltip key={node.id} title={`${node.chainName} · ${node.name}`}>
          <Tag color="blue" variant="filled">
            {node.name}
          </Tag>
        </Tooltip>
      ))}
      {rest.length > 0 ? (
        <Tooltip title={rest.map((node) => `${node.chainName} · ${node.name}`).join('、')}>
          <Tag>+{rest.length}</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
