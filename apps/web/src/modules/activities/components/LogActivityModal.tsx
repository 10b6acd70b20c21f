import type { SubjectType } from '@lianqiao/contracts';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { LOGGABLE_KINDS, type LoggableKind } from '../api/activities-api';
import { useLogActivity } from '../hooks/useActivities';

interface Values {
  kind: LoggableKind;
  occurredAt: Dayjs;
  summary: string;
  nextStep?: string;
  participants?: string;
  nextFollowUpAt?: Dayjs;
}

/** Logs a follow-up: kind, time, what was said, the next step and (leads) the next follow-up date. */
export function LogActivityModal({
  open,
  subjectType,
  subjectId,
  onClose,
}: {
  open: boolean;
  subjectType: SubjectType;
  subjectId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const log = useLogActivity();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setFormError(null);
    log.mutate(
      {
        subjectType,
        subjectId,
        kind: values.kind,
        occurredAt: values.occurredAt.toISOString(),
        summary: values.summary.trim(),
        nextStep: values.nextStep?.trim() || null,
        participants: values.participants?.trim() || null,
        ...(subjectType === 'lead' && values.nextFollowUpAt
          ? { nextFollowUpAt: values.nextFollowUpAt.startOf('day').add(9, 'hour').toISOString() }
          : {}),
      },
      {
        onSuccess: () => {
          message.success(t('activities.logged'));
          onClose();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('activities.log')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={log.isPending}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'activity-submit' } as Record<string, string>}
    >
      <FormErrorAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ kind: 'call', occurredAt: dayjs().second(0).millisecond(0) }}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="kind" label={t('activities.fields.kind')} rules={[{ required: true }]}>
              <Select options={LOGGABLE_KINDS.map((kind) => ({ value: kind, label: t(`activities.kinds.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="occurredAt"
              label={t('activities.fields.occurredAt')}
              rules={[
                { required: true, message: t('common.requiredChoice', { field: t('activities.fields.occurredAt') }) },
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="summary"
          label={t('activities.fields.summary')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('activities.fields.summary') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} showCount placeholder={t('activities.fields.summaryPlaceholder')} />
        </Form.Item>
        <Form.Item name="nextStep" label={t('activities.fields.nextStep')}>
          <Input maxLength={2000} placeholder={t('activities.fields.nextStepPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={subjectType === 'lead' ? 14 : 24}>
            <Form.Item name="participants" label={t('activities.fields.participants')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          {subjectType === 'lead' ? (
            <Col span={10}>
              <Form.Item name="nextFollowUpAt" label={t('activities.fields.nextFollowUpAt')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Modal>
  );
}
