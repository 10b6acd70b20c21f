import { ORG_UNIT_KINDS, type OrgUnitDto, type OrgUnitKind } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { orgUnitsApi } from '../api/org-api';
import { orgKeys, useSaveOrgUnit } from '../hooks/useOrg';

interface Values {
  name: string;
  kind: OrgUnitKind;
}

/** Create an org unit (部门 / 镇街 / 开发区) or rename it. A new `key` for each opening. */
export function OrgUnitFormModal({
  open,
  unit,
  onClose,
}: {
  open: boolean;
  unit: OrgUnitDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useSaveOrgUnit();
  const [version, setVersion] = useState(unit?.version);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const reloadLatest = async () => {
    if (!unit) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: orgKeys.orgUnit(unit.id),
        queryFn: () => orgUnitsApi.get(unit.id),
        staleTime: 0,
      });
      form.setFieldsValue({ name: latest.name, kind: latest.kind });
      setVersion(latest.version);
      setStale(false);
      message.info(t('common.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    setFormError(null);
    save.mutate(
      { id: unit?.id, version, name: values.name.trim(), kind: values.kind },
      {
        onSuccess: (saved) => {
          message.success(t(unit ? 'orgUnits.saved' : 'orgUnits.created', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          const outcome = applyServerErrors(form, error, t);
          setStale(outcome.stale);
          setFormError(outcome.message);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={unit ? t('orgUnits.rename') : t('orgUnits.create')}
      okText={unit ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={() => void submit().catch(() => undefined)}
        initialValues={unit ? { name: unit.name, kind: unit.kind } : { kind: 'department' }}
      >
        <Form.Item
          name="name"
          label={t('orgUnits.fields.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('orgUnits.fields.name') }),
            },
            { max: 100, message: t('common.maxLength', { field: t('orgUnits.fields.name'), max: 100 }) },
          ]}
        >
          <Input placeholder={t('orgUnits.fields.namePlaceholder')} maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('orgUnits.fields.kind')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('orgUnits.fields.kind') }) }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ORG_UNIT_KINDS.map((kind) => ({ value: kind, label: t(`orgUnitKinds.${kind}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
