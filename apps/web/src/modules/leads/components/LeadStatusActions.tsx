import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import type { LeadDto, LeadStatus } from '@lianqiao/contracts';
import { App, Button, Dropdown, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { useUpdateLead } from '../hooks/useLeads';

type SettableStatus = Exclude<LeadStatus, 'converted'>;
const SETTABLE: SettableStatus[] = ['new', 'following', 'qualified', 'invalid'];

/** Changes a lead's status; marking it invalid asks for the reason. */
export function LeadStatusActions({ lead }: { lead: LeadDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateLead();
  const [invalidOpen, setInvalidOpen] = useState(false);
  const [form] = Form.useForm<{ invalidReason: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const setStatus = (status: SettableStatus, invalidReason?: string) =>
    update.mutateAsync({
      id: lead.id,
      status,
      ...(invalidReason ? { invalidReason } : {}),
      version: lead.version,
    });

  const choose = (status: SettableStatus) => {
    if (status === 'invalid') {
      setFormError(null);
      setStale(false);
      setInvalidOpen(true);
      return;
    }
    setStatus(status)
      .then(() => message.success(t('leads.status.changed', { status: t(`leads.statuses.${status}`) })))
      .catch((error: unknown) => {
        message.error(describeError(error, t));
      });
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        disabled={lead.status === 'converted'}
        menu={{
          items: SETTABLE.filter((status) => status !== lead.status).map((status) => ({
            key: status,
            label: t(`leads.statuses.${status}`),
            danger: status === 'invalid',
          })),
          onClick: ({ key }) => choose(key as SettableStatus),
        }}
      >
        <Button icon={<SwapOutlined />} loading={update.isPending} data-testid="lead-status-button">
          {t('leads.status.change')} <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <Modal
        open={invalidOpen}
        title={t('leads.status.invalidTitle')}
        okText={t('common.confirm')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setInvalidOpen(false)}
        confirmLoading={update.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('leads.status.invalidHelp')}</Typography.Paragraph>
        <FormErrorAlert message={formError} stale={stale} />
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ invalidReason }) =>
            setStatus('invalid', invalidReason.trim())
              .then(() => {
                message.success(t('leads.status.changed', { status: t('leads.statuses.invalid') }));
                setInvalidOpen(false);
              })
              .catch((error: unknown) => {
                const outcome = applyServerErrors(form, error, t);
                setStale(outcome.stale);
                setFormError(outcome.message);
              })
          }
        >
          <Form.Item
            name="invalidReason"
            label={t('leads.fields.invalidReason')}
            rules={[{ required: true, whitespace: true, message: t('leads.status.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
