import type { LeadDto } from '@lianqiao/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { useConvertLead } from '../hooks/useLeads';

interface Values {
  name: string;
  totalInvestmentWan?: number | null;
  isKey?: boolean;
}

/** A qualified lead becomes a project that keeps its source; then the project's page opens. */
export function ConvertLeadModal({ lead, open, onClose }: { lead: LeadDto; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const convert = useConvertLead();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const submit = (values: Values) => {
    setFormError(null);
    convert.mutate(
      {
        id: lead.id,
        name: values.name.trim(),
        ...(values.totalInvestmentWan !== null && values.totalInvestmentWan !== undefined
          ? { totalInvestmentWan: values.totalInvestmentWan }
          : {}),
        isKey: values.isKey ?? false,
        version: lead.version,
      },
      {
        onSuccess: ({ project }) => {
          message.success(t('leads.convert.done', { name: project.name }));
          onClose();
          navigate(`/projects/${project.id}`);
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
      title={t('leads.convert.title')}
      okText={t('leads.convert.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={convert.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'convert-submit' } as Record<string, string>}
    >
      <Alert type="info" showIcon title={t('leads.convert.help')} style={{ marginBottom: 16 }} />
      <FormErrorAlert message={formError} stale={stale} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ name: lead.name, totalInvestmentWan: lead.estimatedWan, isKey: false }}
      >
        <Form.Item
          name="name"
          label={t('leads.convert.projectName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('leads.convert.projectName') }),
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="totalInvestmentWan" label={t('leads.convert.totalInvestment')}>
          <InputNumber<number> min={0} max={100_000_000} precision={0} style={{ width: '100%' }} suffix="万元" />
        </Form.Item>
        <Form.Item name="isKey" label={t('leads.convert.isKey')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
