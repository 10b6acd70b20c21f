import type { LeadDto } from '@lianqiao/contracts';
import { App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { roadshowsApi, type RoadshowLeadRequest } from '../api/events-api';
import { useRoadshowChange } from '../hooks/useEvents';
import { CompanySelect } from './CompanySelect';

interface Values {
  name: string;
  companyId?: string;
  estimatedWan?: number | null;
}

/** Log a lead met at the event in a few seconds: a name, maybe a company and a figure. */
export function QuickLeadForm({ roadshowId }: { roadshowId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [last, setLast] = useState<LeadDto | null>(null);
  const log = useRoadshowChange(roadshowId, (body: RoadshowLeadRequest) => roadshowsApi.logLead(roadshowId, body));

  const submit = (values: Values) => {
    setFormError(null);
    log.mutate(
      { name: values.name.trim(), companyId: values.companyId, estimatedWan: values.estimatedWan ?? null },
      {
        onSuccess: (lead) => {
          message.success(t('events.quickLead.logged', { name: lead.name }));
          setLast(lead);
          form.resetFields();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <Card
      title={t('events.quickLead.title')}
      extra={<Typography.Text type="secondary">{t('events.quickLead.subtitle')}</Typography.Text>}
    >
      <FormErrorAlert message={formError} />
      <Form<Values>
        name="quickLead"
        form={form}
        layout="inline"
        onFinish={submit}
        autoComplete="off"
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="name"
          label={t('events.quickLead.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('events.quickLead.name') }),
            },
          ]}
        >
          <Input maxLength={200} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="companyId" label={t('events.quickLead.company')}>
          <CompanySelect style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="estimatedWan" label={t('events.quickLead.estimatedWan')}>
          <InputNumber min={0} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={log.isPending} data-testid="quick-lead-submit">
            {t('events.quickLead.submit')}
          </Button>
        </Form.Item>
      </Form>
      {last ? (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('events.quickLead.logged', { name: last.name })}{' '}
          <Link to={`/leads/${last.id}`}>{t('events.quickLead.open')}</Link>
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
