import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { roadshowsApi, type RoadshowDetailDto, type SigningRequest } from '../api/events-api';
import { useEventLeads, useRoadshowChange } from '../hooks/useEvents';

interface Values {
  leadId?: string;
  projectName?: string;
  contractedWan: number;
  signedAt?: Dayjs;
  note?: string;
}

/** 现场签约: a lead of this event (qualified and converted by the server as needed) or a new project, signed on one of its days. */
export function SigningModal({
  roadshow,
  open,
  onClose,
}: {
  roadshow: RoadshowDetailDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const leads = useEventLeads(roadshow.id, open);
  const sign = useRoadshowChange(roadshow.id, (body: SigningRequest) => roadshowsApi.sign(roadshow.id, body));
  const first = dayjs(roadshow.startsAt).startOf('day');
  const last = dayjs(roadshow.endsAt).endOf('day');

  const submit = (values: Values) => {
    setFormError(null);
    const projectName = values.projectName?.trim();
    if (!values.leadId && !projectName) {
      form.setFields([{ name: 'leadId', errors: [t('events.signing.leadOrProject')] }]);
      return;
    }
    sign.mutate(
      {
        ...(values.leadId ? { leadId: values.leadId } : { project: { name: projectName as string } }),
        contractedWan: values.contractedWan,
        signedAt: values.signedAt?.format('YYYY-MM-DD'),
        note: values.note?.trim() || null,
      },
      {
        onSuccess: (project) => {
          message.success(t('events.signing.signed', { name: project.name }));
          form.resetFields();
          onClose();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('events.signing.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('events.signing.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sign.isPending, 'data-testid': 'signing-submit' } as ButtonProps}
      destroyOnHidden
    >
      <FormErrorAlert message={formError} />
      <Form<Values>
        name="signing"
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        initialValues={{ signedAt: first }}
      >
        <Form.Item name="leadId" label={t('events.signing.lead')} extra={t('events.signing.leadHelp')}>
          <Select
            allowClear
            loading={leads.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={leads.data?.items.map((lead) => ({ value: lead.id, label: lead.name }))}
          />
        </Form.Item>
        <Form.Item name="projectName" label={t('events.signing.projectName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="contractedWan"
          label={t('events.signing.contractedWan')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('events.signing.contractedWan') }) }]}
        >
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="signedAt" label={t('events.signing.signedAt')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(first) || day.isAfter(last)} />
        </Form.Item>
        <Form.Item name="note" label={t('events.signing.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
