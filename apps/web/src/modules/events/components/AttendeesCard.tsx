import { PlusOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import type { RoadshowAttendeeDto } from '@lianqiao/contracts';
import { App, Button, Card, Flex, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { roadshowsApi, type AddAttendeeRequest, type RoadshowDetailDto } from '../api/events-api';
import { useAttendees, useRoadshowChange } from '../hooks/useEvents';
import { CompanySelect } from './CompanySelect';

/** Whether today (local time) falls on one of the event's days: the door is open for check-in. */
export function isEventDay(roadshow: Pick<RoadshowDetailDto, 'startsAt' | 'endsAt'>, now = dayjs()): boolean {
  return !now.isBefore(dayjs(roadshow.startsAt).startOf('day')) && !now.isAfter(dayjs(roadshow.endsAt).endOf('day'));
}

interface AddValues {
  companyId?: string;
  companyName?: string;
  companyCity?: string;
  contactName?: string;
  contactTitle?: string;
  contactMobile?: string;
}

function AddAttendeeModal({ roadshowId, open, onClose }: { roadshowId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [formError, setFormError] = useState<string | null>(null);
  const add = useRoadshowChange(roadshowId, (body: AddAttendeeRequest) => roadshowsApi.addAttendee(roadshowId, body));

  const submit = (values: AddValues) => {
    setFormError(null);
    const contact = values.contactName?.trim()
      ? {
          name: values.contactName.trim(),
          title: values.contactTitle?.trim() || null,
          mobile: values.contactMobile?.trim() || null,
        }
      : undefined;
    const body: AddAttendeeRequest =
      mode === 'existing'
        ? { companyId: values.companyId, contact }
        : { company: { name: (values.companyName ?? '').trim(), city: values.companyCity?.trim() || null }, contact };
    add.mutate(body, {
      onSuccess: (attendee) => {
        message.success(t('events.attendees.added', { name: attendee.companyName ?? '' }));
        form.resetFields();
        onClose();
      },
      onError: (error) => {
        // The server names nested fields (company.name, contact.mobile); the form's are flat.
        const outcome = applyServerErrors(form, error, t);
        setFormError(outcome.message);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('events.attendees.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'attendee-submit' } as ButtonProps}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Segmented
        block
        value={mode}
        onChange={(value) => setMode(value as 'existing' | 'new')}
        options={[
          { value: 'existing', label: t('events.attendees.existing') },
          { value: 'new', label: t('events.attendees.newCompany') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <FormErrorAlert message={formError} />
      <Form<AddValues> name="attendee" form={form} layout="vertical" onFinish={submit} autoComplete="off">
        {mode === 'existing' ? (
          <Form.Item
            name="companyId"
            label={t('events.attendees.company')}
            rules={[{ required: true, message: t('events.attendees.chooseCompany') }]}
          >
            <CompanySelect />
          </Form.Item>
        ) : (
          <Flex gap={12}>
            <Form.Item
              name="companyName"
              label={t('events.attendees.companyName')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.requiredField', { field: t('events.attendees.companyName') }),
                },
              ]}
              style={{ flex: 2 }}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="companyCity" label={t('events.attendees.companyCity')} style={{ flex: 1 }}>
              <Input maxLength={32} />
            </Form.Item>
          </Flex>
        )}
        <Flex gap={12}>
          <Form.Item name="contactName" label={t('events.attendees.contactName')} style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="contactTitle" label={t('events.attendees.contactTitle')} style={{ flex: 1 }}>
            <Input maxLength={64} />
          </Form.Item>
        </Flex>
        <Form.Item name="contactMobile" label={t('events.attendees.contactMobile')}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Who is invited and who came; the check-in button shows on the event's days. */
export function AttendeesCard({ roadshow }: { roadshow: RoadshowDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attendees = useAttendees(roadshow.id);
  const [adding, setAdding] = useState(false);
  const checkIn = useRoadshowChange(roadshow.id, (attendee: RoadshowAttendeeDto) =>
    roadshowsApi.checkIn(roadshow.id, attendee.id),
  );
  const doorOpen = isEventDay(roadshow);

  return (
    <Card
      title={t('events.attendees.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('events.attendees.add')}
        </Button>
      }
    >
      <Table<RoadshowAttendeeDto>
        rowKey="id"
        size="small"
        loading={attendees.isLoading}
        dataSource={attendees.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('events.attendees.empty') }}
        columns={[
          { key: 'company', title: t('events.attendees.company'), render: (_, a) => a.companyName },
          {
            key: 'contact',
            title: t('events.attendees.contactName'),
            render: (_, a) => (a.contactName ? [a.contactName, a.contactTitle].filter(Boolean).join(' · ') : '—'),
          },
          {
            key: 'status',
            title: t('events.attendees.status'),
            render: (_, a) => <Tag>{t(`events.attendeeStatuses.${a.status}`)}</Tag>,
          },
          {
            key: 'checkIn',
            title: t('events.attendees.checkIn'),
            render: (_, a) =>
              a.checkedInAt ? (
                <Tag color="green">
                  {t('events.attendees.checkedInAt', { time: dayjs(a.checkedInAt).format('MM-DD HH:mm') })}
                </Tag>
              ) : doorOpen ? (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  loading={checkIn.isPending && checkIn.variables?.id === a.id}
                  aria-label={`${t('events.attendees.checkIn')} ${a.companyName ?? ''}`}
                  onClick={() =>
                    checkIn.mutate(a, {
                      onSuccess: () =>
                        void message.success(t('events.attendees.checkedIn', { name: a.companyName ?? '' })),
                      onError: (error) => void message.error(describeError(error, t)),
                    })
                  }
                >
                  {t('events.attendees.checkIn')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('events.attendees.notCheckedIn')}</Typography.Text>
              ),
          },
        ]}
      />
      <AddAttendeeModal roadshowId={roadshow.id} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
