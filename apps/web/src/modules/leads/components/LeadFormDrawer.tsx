import { LEAD_SOURCES, type LeadDto, type LeadSource } from '@lianqiao/contracts';
import { CHINA_MOBILE, seesAllTeams } from '@lianqiao/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError, isApiError, type ApiError } from '../../../shared/http';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import { CompanyPicker } from '../../companies/components/CompanyPicker';
import { leadsApi, type LeadRequest } from '../api/leads-api';
import { leadKeys, useCreateLead, useUpdateLead } from '../hooks/useLeads';
import { PersonPicker } from './PersonPicker';
import { RoadshowPicker } from './RoadshowPicker';

interface Values {
  name: string;
  companyId?: string | null;
  source: LeadSource;
  sourceRefId?: string | null;
  ownerId?: string;
  estimatedWan?: number | null;
  chainNodeIds?: string[];
  nextFollowUpAt?: Dayjs | null;
  contactName?: string;
  contactMobile?: string;
  notes?: string;
}

/** 撞单: the server's 409 saying another team already works the company (not a stale version). */
export function isCollision(error: unknown): error is ApiError {
  return isApiError(error) && error.status === 409 && error.details.some((d) => d.field === 'companyId');
}

function valuesOf(lead: LeadDto): Values {
  return {
    name: lead.name,
    companyId: lead.companyId,
    source: lead.source,
    ownerId: lead.ownerId,
    estimatedWan: lead.estimatedWan,
    chainNodeIds: lead.chainNodeIds,
    nextFollowUpAt: lead.nextFollowUpAt ? dayjs(lead.nextFollowUpAt) : null,
    contactName: lead.contactName ?? undefined,
    contactMobile: lead.contactMobile ?? undefined,
    notes: lead.notes ?? undefined,
  };
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

function requestOf(values: Values): LeadRequest {
  return {
    name: values.name.trim(),
    companyId: values.companyId ?? null,
    source: values.source,
    estimatedWan: values.estimatedWan ?? null,
    chainNodeIds: values.chainNodeIds ?? [],
    nextFollowUpAt: values.nextFollowUpAt ? values.nextFollowUpAt.startOf('day').add(9, 'hour').toISOString() : null,
    contactName: orNull(values.contactName),
    contactMobile: orNull(values.contactMobile),
    notes: orNull(values.notes),
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    ...(values.source === 'roadshow' && values.sourceRefId ? { sourceRefId: values.sourceRefId } : {}),
  };
}

/**
 * Creates a lead (its source is required) or edits one. When another team already works the
 * chosen company, the server's 撞单 warning asks first and, confirmed, the lead is sent again
 * acknowledging it. Give it a new `key` per opening.
 */
export function LeadFormDrawer({
  open,
  lead,
  initialCompanyId,
  onClose,
  onSaved,
}: {
  open: boolean;
  lead: LeadDto | null;
  initialCompanyId?: string;
  onClose: () => void;
  onSaved?: (lead: LeadDto) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useCreateLead();
  const update = useUpdateLead();
  const [version, setVersion] = useState(lead?.version ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const done = (saved: LeadDto, key: 'leads.created' | 'leads.saved') => {
    message.success(t(key, { name: saved.name }));
    onSaved?.(saved);
    onClose();
  };

  const showError = (error: unknown) => {
    const outcome = applyServerErrors(form, error, t);
    setStale(outcome.stale);
    setFormError(outcome.message);
  };

  const send = (body: LeadRequest, acknowledgeCollision: boolean) =>
    create.mutate(acknowledgeCollision ? { ...body, acknowledgeCollision } : body, {
      onSuccess: (saved) => done(saved, 'leads.created'),
      onError: (error) => {
        if (!acknowledgeCollision && isCollision(error)) {
          modal.confirm({
            title: t('leads.collision.title'),
            content: (
              <Flex vertical gap={8}>
                <Typography.Text>{error.message}</Typography.Text>
                <Typography.Text type="secondary">{t('leads.collision.hint')}</Typography.Text>
              </Flex>
            ),
            okText: t('leads.collision.confirm'),
            cancelText: t('common.cancel'),
            onOk: () => send(body, true),
          });
          return;
        }
        showError(error);
      },
    });

  const submit = (values: Values) => {
    setFormError(null);
    const body = requestOf(values);
    if (lead) {
      const { source: _source, sourceRefId: _sourceRefId, ...changes } = body;
      update.mutate(
        { id: lead.id, ...changes, version: version ?? lead.version },
        { onSuccess: (saved) => done(saved, 'leads.saved'), onError: showError },
      );
    } else {
      send(body, false);
    }
  };

  const reloadLatest = async () => {
    if (!lead) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: leadKeys.detail(lead.id),
        queryFn: () => leadsApi.get(lead.id),
        staleTime: 0,
      });
      form.setFieldsValue(valuesOf(latest));
      setVersion(latest.version);
      setStale(false);
      setFormError(null);
      message.info(t('common.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  const source = Form.useWatch('source', form);
  const pending = create.isPending || update.isPending;
  const mayAssign = seesAllTeams(user);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      title={lead ? t('leads.editOf', { name: lead.name }) : t('leads.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="lead-form-submit">
            {lead ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        autoComplete="off"
        disabled={pending}
        scrollToFirstError
        initialValues={lead ? valuesOf(lead) : { companyId: initialCompanyId ?? null, chainNodeIds: [] }}
      >
        <Form.Item
          name="name"
          label={t('leads.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.requiredField', { field: t('leads.fields.name') }) },
          ]}
        >
          <Input maxLength={200} placeholder={t('leads.fields.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="companyId" label={t('leads.fields.company')}>
          <CompanyPicker />
        </Form.Item>
        <Row gutter={16}>
          <Col span={mayAssign ? 12 : 24}>
            <Form.Item
              name="source"
              label={t('leads.fields.source')}
              extra={lead ? undefined : t('leads.fields.sourceHelp')}
              rules={[{ required: true, message: t('common.requiredChoice', { field: t('leads.fields.source') }) }]}
            >
              <Select
                disabled={Boolean(lead)}
                options={LEAD_SOURCES.map((value) => ({ value, label: t(`leads.sources.${value}`) }))}
              />
            </Form.Item>
          </Col>
          {mayAssign ? (
            <Col span={12}>
              <Form.Item name="ownerId" label={t('leads.fields.owner')}>
                <PersonPicker placeholder={user.displayName} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {source === 'roadshow' && !lead ? (
          <Form.Item name="sourceRefId" label={t('leads.fields.roadshow')}>
            <RoadshowPicker placeholder={t('leads.fields.roadshowPlaceholder')} />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="estimatedWan" label={t('leads.fields.estimatedWan')}>
              <InputNumber<number> min={0} max={100_000_000} precision={0} style={{ width: '100%' }} suffix="万元" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nextFollowUpAt" label={t('leads.fields.nextFollowUpAt')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="chainNodeIds" label={t('leads.fields.chainNodes')}>
          <ChainNodePicker multiple />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('leads.fields.contactName')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="contactMobile"
              label={t('leads.fields.contactMobile')}
              rules={[{ pattern: CHINA_MOBILE, message: t('companies.contacts.mobileFormat') }]}
            >
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('leads.fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
