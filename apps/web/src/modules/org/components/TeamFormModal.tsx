import type { TeamDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { teamsApi } from '../api/org-api';
import { orgKeys, useOrgUnits, useSaveTeam } from '../hooks/useOrg';

interface Values {
  name: string;
  orgUnitId?: string | null;
}

/** Create a task force (专班) or rename it / move it to another unit. A new `key` for each opening. */
export function TeamFormModal({ open, team, onClose }: { open: boolean; team: TeamDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const orgUnits = useOrgUnits();
  const save = useSaveTeam();
  const [version, setVersion] = useState(team?.version);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const reloadLatest = async () => {
    if (!team) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: orgKeys.team(team.id),
        queryFn: () => teamsApi.get(team.id),
        staleTime: 0,
      });
      form.setFieldsValue({ name: latest.name, orgUnitId: latest.orgUnitId ?? undefined });
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
      { id: team?.id, version, name: values.name.trim(), orgUnitId: values.orgUnitId ?? null },
      {
        onSuccess: (saved) => {
          message.success(t(team ? 'teams.saved' : 'teams.created', { name: saved.name }));
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
      title={team ? t('teams.rename') : t('teams.create')}
      okText={team ? t('common.save') : t('common.create')}
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
        initialValues={team ? { name: team.name, orgUnitId: team.orgUnitId ?? undefined } : undefined}
      >
        <Form.Item
          name="name"
          label={t('teams.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.requiredField', { field: t('teams.fields.name') }) },
            { max: 100, message: t('common.maxLength', { field: t('teams.fields.name'), max: 100 }) },
          ]}
        >
          <Input placeholder={t('teams.fields.namePlaceholder')} maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('teams.fields.orgUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgUnits.isLoading}
            placeholder={t('common.none')}
            options={orgUnits.data?.items.map((unit) => ({
              value: unit.id,
              label: unit.name,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
