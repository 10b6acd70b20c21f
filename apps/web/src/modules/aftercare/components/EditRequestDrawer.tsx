import { seesAllTeams } from '@lianqiao/domain';
import { EditOutlined } from '@ant-design/icons';
import { type EnterpriseRequestDto, type RequestCategory, type UserDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Flex, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { aftercareApi, type UpdateRequestBody } from '../api/aftercare-api';
import { aftercareKeys, useUpdateRequest } from '../hooks/useAftercare';
import { RequestContactFields, RequestContentFields } from './RequestFormFields';

interface Values {
  category: RequestCategory;
  description: string;
  cannotBeDone: boolean;
  dueAt: Dayjs;
  contactName?: string;
  contactMobile?: string;
}

/**
 * Whether to offer the edit: the API lets leaders, admins and whoever looks after the company or
 * logged the request edit it (not the routed department alone), until the enterprise confirmed it.
 * A user who sees the request without being of its department sees it as one of those; a
 * department user is offered it only when they logged it. The API decides in the end.
 */
export function mayEditRequest(
  request: Pick<EnterpriseRequestDto, 'status' | 'orgUnitId' | 'loggedById'>,
  user: Pick<UserDto, 'id' | 'role' | 'orgUnitId'>,
): boolean {
  if (request.status === 'confirmed') return false;
  if (seesAllTeams(user)) return true;
  const ofDepartment = Boolean(user.orgUnitId) && user.orgUnitId === request.orgUnitId;
  return !ofDepartment || request.loggedById === user.id;
}

const valuesOf = (r: EnterpriseRequestDto): Values => ({
  category: r.category,
  description: r.description,
  cannotBeDone: r.cannotBeDone,
  dueAt: dayjs(r.dueAt),
  contactName: r.contactName ?? '',
  contactMobile: r.contactMobile ?? '',
});

/** Only what differs from the request as read; the version is added by the caller. */
export function changedFields(r: EnterpriseRequestDto, values: Values): Omit<UpdateRequestBody, 'version'> {
  const body: Omit<UpdateRequestBody, 'version'> = {};
  const orNull = (text: string | undefined) => text?.trim() || null;
  if (values.category !== r.category) body.category = values.category;
  if (values.description.trim() !== r.description) body.description = values.description.trim();
  if (Boolean(values.cannotBeDone) !== r.cannotBeDone) body.cannotBeDone = Boolean(values.cannotBeDone);
  if (values.dueAt && !values.dueAt.isSame(dayjs(r.dueAt), 'minute')) body.dueAt = values.dueAt.toISOString();
  if (orNull(values.contactName) !== r.contactName) body.contactName = orNull(values.contactName);
  if (orNull(values.contactMobile) !== r.contactMobile) body.contactMobile = orNull(values.contactMobile);
  return body;
}

/**
 * 编辑: the request's category, text, 办不成事, deadline and contact, in a drawer. Sends only the
 * fields that changed, on top of the version read; a stale save offers to load the latest.
 */
export function EditRequestDrawer({
  request,
  user,
}: {
  request: EnterpriseRequestDto;
  user: Pick<UserDto, 'id' | 'role' | 'orgUnitId'>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRequest();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  if (!mayEditRequest(request, user)) return null;

  const show = () => {
    setFormError(null);
    setStale(false);
    setOpen(true);
  };
  const close = () => setOpen(false);

  const submit = (values: Values) => {
    setFormError(null);
    setStale(false);
    const changes = changedFields(request, values);
    if (!Object.keys(changes).length) {
      void message.info(t('aftercare.request.edit.noChanges'));
      close();
      return;
    }
    update.mutate(
      { id: request.id, ...changes, version: request.version },
      {
        onSuccess: () => {
          void message.success(t('aftercare.request.edit.done'));
          close();
        },
        onError: (error) => {
          const outcome = applyServerErrors(form, error, t);
          setStale(outcome.stale);
          setFormError(outcome.message);
        },
      },
    );
  };

  /** The request as saved by the other person: the form shows it, to check and save again. */
  const reloadLatest = async () => {
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: aftercareKeys.request(request.id),
        queryFn: () => aftercareApi.request(request.id),
        staleTime: 0,
      });
      form.setFieldsValue(valuesOf(latest));
      setStale(false);
      setFormError(null);
      void message.info(t('common.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  return (
    <>
      <Button icon={<EditOutlined />} onClick={show} data-testid="request-edit">
        {t('aftercare.request.actions.edit')}
      </Button>
      <Drawer
        open={open}
        onClose={close}
        size={520}
        destroyOnHidden
        title={t('aftercare.request.edit.title')}
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={update.isPending}
              onClick={() => form.submit()}
              data-testid="request-edit-submit"
            >
              {t('common.save')}
            </Button>
          </Flex>
        }
      >
        <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={update.isPending}
          initialValues={valuesOf(request)}
        >
          <RequestContentFields />
          <Flex gap={12}>
            <Form.Item
              label={t('aftercare.request.fields.department')}
              extra={t('aftercare.request.edit.departmentHelp')}
              style={{ flex: 1 }}
            >
              <Typography.Text data-testid="request-edit-department">
                {request.orgUnitName ?? t('aftercare.requests.notRouted')}
              </Typography.Text>
            </Form.Item>
            <Form.Item
              name="dueAt"
              label={t('aftercare.create.dueAt')}
              extra={t('aftercare.request.edit.dueAtHelp')}
              style={{ flex: 1 }}
              rules={[{ required: true, message: t('common.requiredChoice', { field: t('aftercare.create.dueAt') }) }]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                allowClear={false}
                style={{ width: '100%' }}
                disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
              />
            </Form.Item>
          </Flex>
          <RequestContactFields />
        </Form>
      </Drawer>
    </>
  );
}
