import { seesAllTeams } from '@lianqiao/domain';
import { PUBLIC_REQUEST_LIMITS, type EnterpriseRequestDto, type UserDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError, isApiError } from '../../../shared/http';
import { aftercareKeys, useRouteRequest, useTransitionRequest } from '../hooks/useAftercare';

type Move = 'route' | 'resolve' | 'escalate';

const OPEN = ['open', 'in_progress', 'escalated'];

/** Which moves to offer: the API decides, this only hides what would certainly be refused. */
export function movesFor(request: EnterpriseRequestDto, user: Pick<UserDto, 'role' | 'orgUnitId'>) {
  const seesAll = seesAllTeams(user);
  const ofDepartment = Boolean(user.orgUnitId) && user.orgUnitId === request.orgUnitId;
  const handles = seesAll || ofDepartment;
  return {
    route: OPEN.includes(request.status) && (seesAll || !ofDepartment),
    start: request.status === 'open' && request.orgUnitId !== null && handles,
    resolve: OPEN.includes(request.status) && handles,
    escalate: request.status === 'open' || request.status === 'in_progress',
  };
}

interface Values {
  orgUnitId?: string;
  dueAt?: Dayjs;
  note?: string;
  resolution?: string;
}

/** 转办 · 开始办理 · 办结 · 提请领导协调, each with what it needs, against the request's version. */
export function RequestActions({
  request,
  user,
  departments,
}: {
  request: EnterpriseRequestDto;
  user: Pick<UserDto, 'role' | 'orgUnitId'>;
  departments: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const route = useRouteRequest();
  const transition = useTransitionRequest();
  // The move stays while the dialog closes, so its fields do not vanish mid-animation.
  const [move, setMove] = useState<Move>('route');
  const [visible, setVisible] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const moves = movesFor(request, user);
  const pending = route.isPending || transition.isPending;

  const show = (next: Move) => {
    form.resetFields();
    setFormError(null);
    setStale(false);
    setMove(next);
    setVisible(true);
  };
  const close = () => setVisible(false);
  const reload = () => {
    setStale(false);
    setFormError(null);
    void queryClient.invalidateQueries({ queryKey: aftercareKeys.request(request.id) });
  };
  const onError = (error: unknown) => {
    const outcome = applyServerErrors(form, error, t);
    setStale(outcome.stale);
    setFormError(outcome.message);
  };

  const start = () =>
    modal.confirm({
      title: t('aftercare.request.start.confirm'),
      okText: t('aftercare.request.actions.start'),
      cancelText: t('common.cancel'),
      onOk: () =>
        transition
          .mutateAsync({ id: request.id, to: 'in_progress', version: request.version })
          .then(() => message.success(t('aftercare.request.start.done')))
          .catch((error: unknown) => {
            message.error(isApiError(error) && error.isStaleVersion ? t('common.staleTitle') : describeError(error, t));
            if (isApiError(error) && error.isStaleVersion) reload();
          }),
    });

  const submit = (values: Values) => {
    setFormError(null);
    if (move === 'route') {
      route.mutate(
        {
          id: request.id,
          orgUnitId: values.orgUnitId as string,
          dueAt: values.dueAt?.toISOString(),
          note: values.note?.trim() || null,
          version: request.version,
        },
        {
          onSuccess: (saved) => {
            message.success(t('aftercare.request.route.done', { name: saved.orgUnitName ?? '' }));
            close();
          },
          onError,
        },
      );
    } else if (move === 'resolve') {
      transition.mutate(
        { id: request.id, to: 'resolved', resolution: values.resolution?.trim(), version: request.version },
        {
          onSuccess: () => {
            message.success(t('aftercare.request.resolve.done'));
            close();
          },
          onError,
        },
      );
    } else if (move === 'escalate') {
      transition.mutate(
        { id: request.id, to: 'escalated', note: values.note?.trim() || null, version: request.version },
        {
          onSuccess: () => {
            message.success(t('aftercare.request.escalate.done'));
            close();
          },
          onError,
        },
      );
    }
  };

  if (!moves.route && !moves.start && !moves.resolve && !moves.escalate) return null;
  const titles: Record<Move, string> = {
    route: t('aftercare.request.route.title'),
    resolve: t('aftercare.request.resolve.title'),
    escalate: t('aftercare.request.escalate.title'),
  };

  return (
    <>
      <Space wrap>
        {moves.start ? (
          <Button onClick={start} data-testid="request-start">
            {t('aftercare.request.actions.start')}
          </Button>
        ) : null}
        {moves.route ? (
          <Button
            type={request.orgUnitId ? 'default' : 'primary'}
            onClick={() => show('route')}
            data-testid="request-route"
          >
            {t('aftercare.request.actions.route')}
          </Button>
        ) : null}
        {moves.resolve ? (
          <Button type="primary" onClick={() => show('resolve')} data-testid="request-resolve">
            {t('aftercare.request.actions.resolve')}
          </Button>
        ) : null}
        {moves.escalate ? (
          <Button danger onClick={() => show('escalate')} data-testid="request-escalate">
            {t('aftercare.request.actions.escalate')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={visible}
        title={titles[move]}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={pending}
        forceRender
      >
        <FormErrorAlert message={formError} stale={stale} onReload={reload} />
        <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={pending}>
          {move === 'route' ? (
            <>
              <Form.Item
                name="orgUnitId"
                label={t('aftercare.request.route.department')}
                extra={
                  departments.length
                    ? t('aftercare.request.route.departmentHelp')
                    : t('aftercare.request.route.noDepartments')
                }
                rules={[
                  {
                    required: true,
                    message: t('common.requiredChoice', { field: t('aftercare.request.route.department') }),
                  },
                ]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={departments.map((unit) => ({ value: unit.id, label: unit.name }))}
                />
              </Form.Item>
              <Form.Item
                name="dueAt"
                label={t('aftercare.request.route.dueAt')}
                extra={request.status === 'escalated' ? undefined : t('aftercare.request.route.dueAtHelp')}
                rules={
                  request.status === 'escalated'
                    ? [{ required: true, message: t('aftercare.request.route.dueAtRequired') }]
                    : []
                }
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('aftercare.request.route.note')}>
                <Input.TextArea rows={3} maxLength={1000} placeholder={t('aftercare.request.route.notePlaceholder')} />
              </Form.Item>
            </>
          ) : null}
          {move === 'resolve' ? (
            <Form.Item
              name="resolution"
              label={t('aftercare.request.resolve.resolution')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.requiredField', { field: t('aftercare.request.resolve.resolution') }),
                },
              ]}
            >
              <Input.TextArea
                rows={5}
                maxLength={PUBLIC_REQUEST_LIMITS.description}
                showCount
                placeholder={t('aftercare.request.resolve.resolutionPlaceholder')}
              />
            </Form.Item>
          ) : null}
          {move === 'escalate' ? (
            <Form.Item name="note" label={t('aftercare.request.escalate.note')}>
              <Input.TextArea rows={3} maxLength={1000} placeholder={t('aftercare.request.escalate.notePlaceholder')} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
