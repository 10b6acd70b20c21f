import { CHAIN_LAYERS, type ChainLayer, type ChainNodeDto, type ChainTreeDto } from '@lianqiao/contracts';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { useChainNodeMutations } from '../hooks/useChains';
import { flattenNodes } from '../utils';

interface Values {
  name: string;
  parentId?: string;
  layer?: ChainLayer;
}

export type ChainNodeFormTarget = { mode: 'add'; parent: ChainNodeDto | null } | { mode: 'rename'; node: ChainNodeDto };

/** Adds a segment (top level or under a parent) or renames and re-places one: admins only. */
export function ChainNodeFormModal({
  tree,
  target,
  onClose,
}: {
  tree: ChainTreeDto;
  target: ChainNodeFormTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { add, update } = useChainNodeMutations(tree.code);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = target?.mode === 'rename' ? target.node : null;
  const parent = target?.mode === 'add' ? target.parent : null;

  const submit = (values: Values) => {
    setFormError(null);
    const onError = (error: unknown) => {
      const outcome = applyServerErrors(form, error, t);
      setStale(outcome.stale);
      setFormError(outcome.message);
    };
    if (editing) {
      update.mutate(
        { id: editing.id, name: values.name.trim(), layer: values.layer, version: editing.version },
        {
          onSuccess: (node) => {
            message.success(t('chains.edit.saved', { name: node.name }));
            onClose();
          },
          onError,
        },
      );
    } else {
      add.mutate(
        { name: values.name.trim(), parentId: values.parentId ?? null, layer: values.layer },
        {
          onSuccess: (node) => {
            message.success(t('chains.edit.created', { name: node.name }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const parents = flattenNodes(tree.nodes);
  return (
    <Modal
      open={target !== null}
      title={
        editing
          ? `${t('chains.edit.rename')}：${editing.name}`
          : parent
            ? `${t('chains.edit.addChild')}：${parent.name}`
            : t('chains.edit.add')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
    >
      <FormErrorAlert message={formError} stale={stale} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          editing
            ? { name: editing.name, layer: editing.layer ?? undefined }
            : { parentId: parent?.id, layer: parent?.layer ?? 'upstream' }
        }
      >
        <Form.Item
          name="name"
          label={t('chains.edit.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.requiredField', { field: t('chains.edit.name') }) },
          ]}
        >
          <Input maxLength={64} placeholder={t('chains.edit.namePlaceholder')} autoFocus />
        </Form.Item>
        {editing ? null : (
          <Form.Item name="parentId" label={t('chains.edit.parent')}>
            <Select
              allowClear
              placeholder={t('chains.edit.parentNone')}
              options={parents.map((node) => ({ value: node.id, label: node.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        <Form.Item name="layer" label={t('chains.edit.layer')}>
          <Radio.Group
            optionType="button"
            options={CHAIN_LAYERS.map((layer) => ({ value: layer, label: t(`chains.layers.${layer}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
