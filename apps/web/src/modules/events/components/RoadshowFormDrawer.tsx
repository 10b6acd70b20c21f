import { ROADSHOW_FORMATS, type RoadshowFormat } from '@lianqiao/contracts';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { roadshowsApi, type RoadshowDetailDto, type RoadshowRequest } from '../api/events-api';
import { useChainOptions, useRoadshowChange } from '../hooks/useEvents';

interface Values {
  name: string;
  city: string;
  venue?: string;
  dates: [Dayjs, Dayjs];
  format: RoadshowFormat;
  hosts?: string[];
  chainCodes?: string[];
  budgetWan?: number | null;
  notes?: string;
}

function valuesOf(roadshow: RoadshowDetailDto): Values {
  return {
    name: roadshow.name,
    city: roadshow.city,
    venue: roadshow.venue ?? undefined,
    dates: [dayjs(roadshow.startsAt), dayjs(roadshow.endsAt)],
    format: roadshow.format,
    hosts: roadshow.hosts,
    chainCodes: roadshow.chainCodes,
    budgetWan: roadshow.budgetWan,
    notes: roadshow.notes ?? undefined,
  };
}

/** Plan a roadshow or edit one. The server's 400s land on their fields (endsAt on the dates). */
export function RoadshowFormDrawer({
  open,
  roadshow,
  onClose,
}: {
  open: boolean;
  roadshow: RoadshowDetailDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const chains = useChainOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const save = useRoadshowChange(roadshow?.id ?? 'new', (body: RoadshowRequest) =>
    roadshow ? roadshowsApi.update(roadshow.id, { ...body, version: roadshow.version }) : roadshowsApi.create(body),
  );

  const submit = (values: Values) => {
    setFormError(null);
    const body: RoadshowRequest = {
      name: values.name.trim(),
      city: values.city.trim(),
      venue: values.venue?.trim() || null,
      startsAt: values.dates[0].toISOString(),
      endsAt: values.dates[1].toISOString(),
      format: values.format,
      hosts: values.hosts ?? [],
      chainCodes: values.chainCodes ?? [],
      budgetWan: values.budgetWan ?? null,
      notes: values.notes?.trim() || null,
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        message.success(t(roadshow ? 'events.roadshows.saved' : 'events.roadshows.created', { name: saved.name }));
        onClose();
        if (!roadshow) void navigate(`/roadshows/${saved.id}`);
      },
      onError: (error) => {
        // The API names startsAt/endsAt; the form holds both in one range field.
        const outcome = applyServerErrors(form, error, t);
        const dateError = form.getFieldError('dates');
        if (outcome.message && dateError.length === 0 && /endsAt|startsAt/.test(outcome.message)) {
          form.setFields([{ name: 'dates', errors: [outcome.message] }]);
          setFormError(null);
        } else setFormError(outcome.message);
        setStale(outcome.stale);
      },
    });
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.requiredField', { field }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={roadshow ? t('events.roadshows.editOf', { name: roadshow.name }) : t('events.roadshows.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="roadshow-form-submit"
          >
            {roadshow ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError} stale={stale} onReload={onClose} />
      <Form<Values>
        name="roadshow"
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        disabled={save.isPending}
        initialValues={roadshow ? valuesOf(roadshow) : { format: 'offline' }}
      >
        <Form.Item
          name="name"
          label={t('events.roadshows.fields.name')}
          rules={[required(t('events.roadshows.fields.name'))]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="city"
            label={t('events.roadshows.fields.city')}
            rules={[required(t('events.roadshows.fields.city'))]}
            style={{ flex: 1 }}
          >
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="venue" label={t('events.roadshows.fields.venue')} style={{ flex: 2 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="dates"
          label={t('events.roadshows.fields.dates')}
          rules={[
            { required: true, message: t('common.requiredField', { field: t('events.roadshows.fields.dates') }) },
            {
              validator: (_, value: [Dayjs, Dayjs] | undefined) =>
                value && value[1].isBefore(value[0])
                  ? Promise.reject(new Error(t('events.roadshows.endBeforeStart')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="format" label={t('events.roadshows.fields.format')} rules={[{ required: true }]}>
          <Select options={ROADSHOW_FORMATS.map((value) => ({ value, label: t(`events.formats.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="hosts"
          label={t('events.roadshows.fields.hosts')}
          extra={t('events.roadshows.fields.hostsHelp')}
        >
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="chainCodes" label={t('events.roadshows.fields.chainCodes')}>
          <Select
            mode="multiple"
            allowClear
            loading={chains.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={chains.data?.items.map((chain) => ({ value: chain.code, label: chain.name }))}
          />
        </Form.Item>
        <Form.Item name="budgetWan" label={t('events.roadshows.fields.budgetWan')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="notes" label={t('events.roadshows.fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
