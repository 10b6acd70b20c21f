import type { DelegationDto, VisitDto } from '@lianqiao/contracts';
import { App, Button, DatePicker, Flex, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { delegationsApi, type VisitRequest } from '../api/events-api';
import { useDelegationChange } from '../hooks/useEvents';
import { CompanySelect } from './CompanySelect';

interface Values {
  companyId: string;
  visitedAt: Dayjs;
  metWith?: string;
  summary?: string;
  result?: string;
  nextStep?: string;
}

/**
 * Adds a visit to the itinerary: the company, a time within the trip, whom they met and, once it
 * happened, what was said and what comes next. The server's 400 on a date outside the trip shows
 * on the time field.
 */
export function VisitForm({
  delegation,
  onSaved,
}: {
  delegation: Pick<DelegationDto, 'id' | 'startsOn' | 'endsOn'>;
  onSaved?: (visit: VisitDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [companyName, setCompanyName] = useState<string | undefined>();
  const add = useDelegationChange(delegation.id, (body: VisitRequest) => delegationsApi.addVisit(delegation.id, body));
  const first = dayjs(delegation.startsOn).startOf('day');
  const last = dayjs(delegation.endsOn).endOf('day');
  const text = (value: string | undefined) => value?.trim() || null;

  const submit = (values: Values) => {
    setFormError(null);
    add.mutate(
      {
        companyId: values.companyId,
        visitedAt: values.visitedAt.toISOString(),
        metWith: text(values.metWith),
        summary: text(values.summary),
        result: text(values.result),
        nextStep: text(values.nextStep),
      },
      {
        onSuccess: (visit) => {
          message.success(t('events.visits.added', { name: visit.companyName ?? companyName ?? '' }));
          form.resetFields();
          onSaved?.(visit);
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <>
      <FormErrorAlert message={formError} />
      <Form<Values>
        name="visit"
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        disabled={add.isPending}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="companyId"
            label={t('events.visits.company')}
            rules={[{ required: true, message: t('events.attendees.chooseCompany') }]}
            style={{ flex: 2, minWidth: 240 }}
          >
            <CompanySelect onChange={(_, name) => setCompanyName(name)} />
          </Form.Item>
          <Form.Item
            name="visitedAt"
            label={t('events.visits.visitedAt')}
            extra={t('events.visits.outsideTrip', { from: delegation.startsOn, to: delegation.endsOn })}
            rules={[{ required: true, message: t('common.requiredField', { field: t('events.visits.visitedAt') }) }]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              defaultPickerValue={first}
              disabledDate={(day) => day.isBefore(first) || day.isAfter(last)}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="metWith" label={t('events.visits.metWith')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="summary" label={t('events.visits.summary')} extra={t('events.visits.summaryHelp')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="result" label={t('events.visits.result')} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item name="nextStep" label={t('events.visits.nextStep')} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={2000} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="visit-submit">
          {t('events.visits.submit')}
        </Button>
      </Form>
    </>
  );
}
