import {
  COMPANY_TAGS,
  OWNERSHIP_TYPES,
  type CompanyDto,
  type CompanyTag,
  type OwnershipType,
} from '@lianqiao/contracts';
import { normalizeUscc } from '@lianqiao/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, Drawer, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError, isApiError } from '../../../shared/http';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import { companiesApi, type CompanyRequest } from '../api/companies-api';
import { companyKeys, useCreateCompany, useUpdateCompany } from '../hooks/useCompanies';
import { duplicateNamesOf, PROVINCES, usccRule } from '../utils';

interface Values {
  name: string;
  uscc?: string;
  ownership?: OwnershipType;
  province?: string;
  city?: string;
  chainNodeIds?: string[];
  tags?: CompanyTag[];
  website?: string;
  notes?: string;
  isTarget?: boolean;
  isChainLeader?: boolean;
}

function valuesOf(company: CompanyDto): Values {
  return {
    name: company.name,
    uscc: company.uscc ?? undefined,
    ownership: company.ownership ?? undefined,
    province: company.province ?? undefined,
    city: company.city ?? undefined,
    chainNodeIds: company.chainNodeIds,
    tags: company.tags,
    website: company.website ?? undefined,
    notes: company.notes ?? undefined,
    isTarget: company.isTarget,
    isChainLeader: company.isChainLeader,
  };
}

const orNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

function requestOf(values: Values): CompanyRequest {
  return {
    name: values.name.trim(),
    uscc: orNull(values.uscc ? normalizeUscc(values.uscc) : undefined),
    ownership: values.ownership ?? null,
    province: orNull(values.province),
    city: orNull(values.city),
    chainNodeIds: values.chainNodeIds ?? [],
    tags: values.tags ?? [],
    website: orNull(values.website),
    notes: orNull(values.notes),
    isTarget: values.isTarget ?? false,
    isChainLeader: values.isChainLeader ?? false,
  };
}

/**
 * Creates or edits a company. The credit code is checked here as the server checks it; the
 * server's own 400/409 lands under the field, a likely duplicate name asks before creating
 * anyway, and a stale edit offers to load the latest. A new `key` per opening gives a fresh form.
 */
export function CompanyFormDrawer({
  open,
  company,
  onClose,
  onSaved,
}: {
  open: boolean;
  company: CompanyDto | null;
  onClose: () => void;
  onSaved?: (company: CompanyDto) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useCreateCompany();
  const update = useUpdateCompany();
  const [version, setVersion] = useState(company?.version ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const done = (saved: CompanyDto, key: 'companies.created' | 'companies.saved') => {
    message.success(t(key, { name: saved.name }));
    onSaved?.(saved);
    onClose();
  };

  const onError = (error: unknown, retry?: () => void) => {
    if (retry && isApiError(error) && error.status === 409 && error.details.some((d) => d.field === 'name')) {
      const similar = duplicateNamesOf(error.details);
      modal.confirm({
        title: t('companies.duplicate.title'),
        content: (
          <Flex vertical gap={8}>
            <Typography.Text>{error.message}</Typography.Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {similar.map((item) => (
                <li key={item.id ?? item.name}>
                  {item.id ? (
                    <a href={`/companies/${item.id}`} target="_blank" rel="noreferrer">
                      {item.name}
                    </a>
                  ) : (
                    item.name
                  )}
                </li>
              ))}
            </ul>
            <Typography.Text type="secondary">{t('companies.duplicate.hint')}</Typography.Text>
          </Flex>
        ),
        okText: t('companies.duplicate.confirm'),
        cancelText: t('common.cancel'),
        onOk: retry,
      });
      return;
    }
    const outcome = applyServerErrors(form, error, t);
    setStale(outcome.stale);
    setFormError(outcome.message);
  };

  const send = (body: CompanyRequest, allowDuplicateName: boolean) =>
    create.mutate(allowDuplicateName ? { ...body, allowDuplicateName } : body, {
      onSuccess: (saved) => done(saved, 'companies.created'),
      onError: (error) => onError(error, allowDuplicateName ? undefined : () => send(body, true)),
    });

  const submit = (values: Values) => {
    setFormError(null);
    const body = requestOf(values);
    if (company) {
      update.mutate(
        { id: company.id, ...body, version: version ?? company.version },
        { onSuccess: (saved) => done(saved, 'companies.saved'), onError: (error) => onError(error) },
      );
    } else {
      send(body, false);
    }
  };

  const reloadLatest = async () => {
    if (!company) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: companyKeys.detail(company.id),
        queryFn: () => companiesApi.get(company.id),
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

  const pending = create.isPending || update.isPending;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={company ? t('companies.editOf', { name: company.name }) : t('companies.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="company-form-submit">
            {company ? t('common.save') : t('common.create')}
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
        initialValues={
          company ? valuesOf(company) : { isTarget: false, isChainLeader: false, tags: [], chainNodeIds: [] }
        }
        scrollToFirstError
      >
        <Form.Item
          name="name"
          label={t('companies.fields.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('companies.fields.name') }),
            },
          ]}
        >
          <Input maxLength={200} placeholder={t('companies.fields.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('companies.fields.uscc')}
          extra={t('companies.fields.usccHelp')}
          normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
          rules={[usccRule(t)]}
          validateDebounce={300}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="ownership" label={t('companies.fields.ownership')}>
              <Select
                allowClear
                options={OWNERSHIP_TYPES.map((value) => ({ value, label: t(`companies.ownership.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="province" label={t('companies.fields.province')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={PROVINCES.map((value) => ({ value, label: value }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="city" label={t('companies.fields.city')}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="chainNodeIds" label={t('companies.fields.chainNodes')}>
          <ChainNodePicker multiple />
        </Form.Item>
        <Form.Item name="tags" label={t('companies.fields.tags')}>
          <Checkbox.Group options={COMPANY_TAGS.map((value) => ({ value, label: t(`companies.tags.${value}`) }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="isTarget"
              label={t('companies.fields.isTarget')}
              valuePropName="checked"
              extra={t('companies.fields.isTargetHelp')}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isChainLeader" label={t('companies.fields.isChainLeader')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="website" label={t('companies.fields.website')}>
          <Input maxLength={255} placeholder="https://" />
        </Form.Item>
        <Form.Item name="notes" label={t('companies.fields.notes')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
