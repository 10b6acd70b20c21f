import { ROLES, type Role, type UserDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { useOrgUnits, useTeams } from '../../org/hooks/useOrg';
import { usersApi } from '../api/users-api';
import { useCreateUser, userKeys, useUpdateUser } from '../hooks/useUsers';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  teamId?: string | null;
  orgUnitId?: string | null;
  password: string;
}

const USERNAME = /^[a-zA-Z0-9._-]{3,32}$/;

function valuesOf(user: UserDto): Partial<Values> {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    teamId: user.teamId ?? undefined,
    orgUnitId: user.orgUnitId ?? undefined,
  };
}

export interface UserFormDrawerProps {
  open: boolean;
  /** The user to edit; null to create one. */
  user: UserDto | null;
  currentUserId: string;
  onClose: () => void;
}

/**
 * Create a user (with an initial password) or edit one; a stale edit (409) offers to load the
 * latest. Give it a new `key` for each opening: it starts from its props, with nothing left over.
 */
export function UserFormDrawer({ open, user, currentUserId, onClose }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const teams = useTeams();
  const orgUnits = useOrgUnits();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [version, setVersion] = useState<number | null>(user?.version ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const editing = user !== null;
  const self = user?.id === currentUserId;

  const reloadLatest = async () => {
    if (!user) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: userKeys.detail(user.id),
        queryFn: () => usersApi.get(user.id),
        staleTime: 0,
      });
      form.setFieldsValue(valuesOf(latest));
      setVersion(latest.version);
      setStale(false);
      setFormError(null);
      message.info(t('common.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  const onError = (error: unknown) => {
    const outcome = applyServerErrors(form, error, t);
    setStale(outcome.stale);
    setFormError(outcome.message);
  };

  const submit = (values: Values) => {
    setFormError(null);
    const teamId = values.teamId ?? null;
    const orgUnitId = values.orgUnitId ?? null;
    if (user) {
      update.mutate(
        {
          id: user.id,
          displayName: values.displayName.trim(),
          role: values.role,
          teamId,
          orgUnitId,
          version: version ?? user.version,
        },
        {
          onSuccess: (saved) => {
            message.success(t('users.saved', { name: saved.displayName }));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          role: values.role,
          teamId,
          orgUnitId,
          password: values.password,
        },
        {
          onSuccess: (saved) => {
            message.success(t('users.created', { name: saved.displayName }));
            onClose();
          },
          onError,
        },
      );
    }
  };

  const pending = create.isPending || update.isPending;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.requiredField', { field }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      title={user ? t('users.editOf', { name: user.displayName }) : t('users.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="user-form-submit">
            {editing ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        disabled={pending}
        initialValues={user ? valuesOf(user) : { role: 'staff' }}
      >
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          extra={editing ? undefined : t('users.fields.usernameHelp')}
          rules={
            editing
              ? []
              : [required(t('users.fields.username')), { pattern: USERNAME, message: t('users.usernameFormat') }]
          }
        >
          <Input disabled={editing} maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[
            required(t('users.fields.displayName')),
            { max: 64, message: t('common.maxLength', { field: t('users.fields.displayName'), max: 64 }) },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.fields.role')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('users.fields.role') }) }]}
        >
          <Select disabled={self} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="teamId" label={t('users.fields.team')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isLoading}
            placeholder={t('common.none')}
            options={teams.data?.items.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('users.fields.orgUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgUnits.isLoading}
            placeholder={t('common.none')}
            options={orgUnits.data?.items.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
        {editing ? null : (
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            extra={t('auth.passwordPolicy')}
            rules={[{ required: true, message: t('common.requiredField', { field: t('users.fields.password') }) }]}
          >
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
