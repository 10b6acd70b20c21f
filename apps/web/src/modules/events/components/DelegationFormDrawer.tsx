import { seesAllTeams } from '@lianqiao/domain';
import { DELEGATION_DIRECTIONS, type DelegationDirection, type DelegationDto } from '@lianqiao/contracts';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { delegationsApi, type DelegationRequest } from '../api/events-api';
import { useDelegationChange, useUserOptions } from '../hooks/useEvents';

interface Values {
  direction: DelegationDirection;
  name: string;
  cities?: string[];
  dates: [Dayjs, Dayjs];
  memberIds?: string[];
  leaderId?: string | null;
  purpose?: string;
}

function valuesOf(delegation: DelegationDto): Values {
  return {
    direction: delegation.direction,
    name: delegation.name,
    cities: delegation.cities,
    dates: [dayjs(delegation.startsOn), dayjs(delegation.endsOn)],
    memberIds: delegation.memberIds,
    leaderId: delegation.leaderId,
    purpose: delegation.purpose ?? undefined,
  };
}

/** Plan a trip (走出去) or a reception (请进来), or edit one; the direction is fixed once made. */
export function DelegationFormDrawer({
  open,
  delegation,
  onClose,
}: {
  open: boolean;
  delegation: DelegationDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const users = useUserOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const save = useDelegationChange(delegation?.id ?? 'new', (body: DelegationRequest) => {
    if (!delegation) return delegationsApi.create(body);
    const { direction: _fixed, ...rest } = body;
    return delegationsApi.update(delegation.id, { ...rest, version: delegation.version });
  });

  const submit = (values: Values) => {
    setFormError(null);
    save.mutate(
      {
        direction: values.direction,
        name: values.name.trim(),
        cities: values.cities ?? [],
        startsOn: values.dates[0].format('YYYY-MM-DD'),
        endsOn: values.dates[1].format('YYYY-MM-DD'),
        memberIds: values.memberIds ?? [],
        leaderId: values.leaderId ?? null,
        purpose: values.purpose?.trim() || null,
      },
      {
        onSuccess: (saved) => {
          message.success(
            t(delegation ? 'events.delegations.saved' : 'events.delegations.created', { name: saved.name }),
          );
          onClose();
          if (!delegation) void navigate(`/delegations/${saved.id}`);
        },
        onError: (error) => {
          const outcome = applyServerErrors(form, error, t);
          if (outcome.message && /startsOn|endsOn/.test(outcome.message)) {
            form.setFields([{ name: 'dates', errors: [outcome.message] }]);
            setFormError(null);
          } else setFormError(outcome.message);
          setStale(outcome.stale);
        },
      },
    );
  };

  const people = users.data?.items ?? [];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={delegation ? t('events.delegations.editOf', { name: delegation.name }) : t('events.delegations.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="delegation-form-submit"
          >
            {delegation ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError} stale={stale} onReload={onClose} />
      <Form<Values>
        name="delegation"
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        disabled={save.isPending}
        initialValues={delegation ? valuesOf(delegation) : { direction: 'outbound' }}
      >
        <Form.Item name="direction" label={t('events.delegations.fields.direction')}>
          <Radio.Group
            disabled={delegation !== null}
            optionType="button"
            options={DELEGATION_DIRECTIONS.map((value) => ({ value, label: t(`events.directions.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('events.delegations.fields.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('events.delegations.fields.name') }),
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="cities"
          label={t('events.delegations.fields.cities')}
          extra={t('events.delegations.fields.citiesHelp')}
        >
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('events.delegations.fields.dates')}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('events.delegations.fields.dates') }) },
          ]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="leaderId" label={t('events.delegations.fields.leader')}>
          <Select
            allowClear
            loading={users.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={people
              .filter((user) => seesAllTeams(user))
              .map((user) => ({ value: user.id, label: user.displayName }))}
          />
        </Form.Item>
        <Form.Item name="memberIds" label={t('events.delegations.fields.members')}>
          <Select
            mode="multiple"
            allowClear
            loading={users.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={people.map((user) => ({ value: user.id, label: user.displayName }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={t('events.delegations.fields.purpose')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
