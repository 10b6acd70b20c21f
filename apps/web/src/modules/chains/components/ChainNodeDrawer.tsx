import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  FundProjectionScreenOutlined,
  PlusOutlined,
  ShopOutlined,
  StarFilled,
  AimOutlined,
  BulbOutlined,
} from '@ant-design/icons';
import type { ChainNodeDto } from '@lianqiao/contracts';
import { App, Button, Descriptions, Divider, Drawer, Flex, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../../../shared/http';
import { useChainNodeMutations } from '../hooks/useChains';
import { LEVEL_COLORS } from '../utils';

/** One segment: its level, counts and chain leaders, and the way to its companies, leads and projects. */
export function ChainNodeDrawer({
  chainCode,
  node,
  canEdit,
  onClose,
  onRename,
  onAddChild,
}: {
  chainCode: string;
  node: ChainNodeDto | null;
  canEdit: boolean;
  onClose: () => void;
  onRename: (node: ChainNodeDto) => void;
  onAddChild: (node: ChainNodeDto) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { remove } = useChainNodeMutations(chainCode);

  const confirmRemove = (target: ChainNodeDto) =>
    modal.confirm({
      title: t('chains.edit.removeConfirm', { name: target.name }),
      okText: t('chains.edit.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(target.id)
          .then(() => {
            message.success(t('chains.edit.removed', { name: target.name }));
            onClose();
          })
          .catch((error: unknown) => {
            message.error(describeError(error, t));
          }),
    });

  const link = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;

  return (
    <Drawer open={node !== null} onClose={onClose} size={420} title={node?.name} destroyOnHidden>
      {node ? (
        <Flex vertical gap={20}>
          <Space wrap>
            <Tag color={LEVEL_COLORS[node.level].tag} variant="filled">
              {t(`chains.levels.${node.level}`)}
            </Tag>
            {node.layer ? <Tag>{t(`chains.layers.${node.layer}`)}</Tag> : null}
          </Space>
          <Flex gap={32}>
            <Statistic title={t('chains.local')} value={node.localCount} />
            <Statistic title={t('chains.target')} value={node.targetCount} />
          </Flex>
          <Typography.Text type="secondary">{t('chains.levelHelp')}</Typography.Text>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('chains.chainLeaders')}>
              {node.chainLeaderNames.length > 0 ? (
                <Space wrap size={[4, 4]}>
                  {node.chainLeaderNames.map((name) => (
                    <Tag key={name} color="gold" icon={<StarFilled />}>
                      {name}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('chains.node.noLeaders')}</Typography.Text>
              )}
            </Descriptions.Item>
            {node.children.length > 0 ? (
              <Descriptions.Item label={t('chains.node.children')}>
                {node.children.map((child) => child.name).join('、')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Flex vertical gap={8}>
            <Link to={link('/companies', { chainNode: node.id, isTarget: 'false' })}>
              <Button block icon={<ShopOutlined />}>
                {t('chains.node.companies')}
              </Button>
            </Link>
            <Link to={link('/companies', { chainNode: node.id, isTarget: 'true' })}>
              <Button block icon={<AimOutlined />}>
                {t('chains.node.targets')}
              </Button>
            </Link>
            <Link to={link('/leads', { chainNode: node.id })}>
              <Button block icon={<BulbOutlined />}>
                {t('chains.node.leads')}
              </Button>
            </Link>
            <Link to={link('/projects', { chainNode: node.id })}>
              <Button block icon={<FundProjectionScreenOutlined />}>
                {t('chains.node.projects')}
              </Button>
            </Link>
          </Flex>
          {canEdit ? (
            <>
              <Divider plain titlePlacement="start" style={{ margin: 0 }}>
                <ApartmentOutlined /> {t('chains.edit.manage')}
              </Divider>
              <Space wrap>
                <Button icon={<EditOutlined />} onClick={() => onRename(node)}>
                  {t('chains.edit.rename')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => onAddChild(node)}>
                  {t('chains.edit.addChild')}
                </Button>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={() => confirmRemove(node)}>
                  {t('chains.edit.remove')}
                </Button>
              </Space>
            </>
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}
