import { CAPITAL_ORIGINS, type ProjectDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { ChainNodePicker } from '../../chains/components/ChainNodePicker';
import { CompanyPicker } from '../../companies/components/CompanyPicker';
import { PersonPicker } from '../../leads/components/PersonPicker';
import { projectsApi, type ProjectFields } from '../api/projects-api';
import { projectKeys, useCreateProject, useUpdateProject } from '../hooks/useProjects';

type Values = Partial<ProjectFields> & { name: string };

const NUMBER_FIELDS = [
  'totalInvestmentWan',
  'fixedAssetWan',
  'paidInWan',
  'projectedJobs',
  'contractedJobs',
  'actualJobs',
  'landMu',
  'factoryAreaM2',
  'expectedOutputWan',
  'expectedTaxWan',
] as const;

function valuesOf(project: ProjectDto): Values {
  const values: Values = {
    name: project.name,
    codeName: project.codeName,
    isConfidential: project.isConfidential,
    companyId: project.companyId,
    responsibleLeaderId: project.responsibleLeaderId,
    isKey: project.isKey,
    capitalOrigin: project.capitalOrigin,
    capitalSource: project.capitalSource,
    chainNodeIds: project.chainNodeIds,
  };
  for (const field of NUMBER_FIELDS) values[field] = project[field];
  return values;
}

function requestOf(values: Values): ProjectFields {
  const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  const body: ProjectFields = {
    name: values.name.trim(),
    codeName: text(values.codeName),
    isConfidential: values.isConfidential ?? false,
    companyId: values.companyId ?? null,
    responsibleLeaderId: values.responsibleLeaderId ?? null,
    isKey: values.isKey ?? false,
    capitalOrigin: values.capitalOrigin ?? null,
    capitalSource: text(values.capitalSource),
    chainNodeIds: values.chainNodeIds ?? [],
    totalInvestmentWan: null,
    fixedAssetWan: null,
    paidInWan: null,
    projectedJobs: null,
    contractedJobs: null,
    actualJobs: null,
    landMu: null,
    factoryAreaM2: null,
    expectedOutputWan: null,
    expectedTaxWan: null,
  };
  for (const field of NUMBER_FIELDS) body[field] = values[field] ?? null;
  return body;
}

/**
 * Creates a project or edits one's fields (the stage moves only through transitions). A stale
 * edit says someone else saved first and offers to load their version.
 */
export function ProjectFormDrawer({
  open,
  project,
  onClose,
  onSaved,
}: {
  open: boolean;
  project: ProjectDto | null;
  onClose: () => void;
  onSaved?: (project: ProjectDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const update = useUpdateProject();
  const [version, setVersion] = useState(project?.version ?? null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const onError = (error: unknown) => {
    const outcome = applyServerErrors(form, error, t);
    setStale(outcome.stale);
    setFormError(outcome.message);
  };
  const done = (saved: ProjectDto, key: 'projects.created' | 'projects.saved') => {
    message.success(t(key, { name: saved.name }));
    onSaved?.(saved);
    onClose();
  };

  const submit = (values: Values) => {
    setFormError(null);
    const body = requestOf(values);
    if (project) {
      update.mutate(
        { id: project.id, ...body, version: version ?? project.version },
        { onSuccess: (saved) => done(saved, 'projects.saved'), onError },
      );
    } else {
      create.mutate(body, { onSuccess: (saved) => done(saved, 'projects.created'), onError });
    }
  };

  const reloadLatest = async () => {
    if (!project) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: projectKeys.detail(project.id),
        queryFn: () => projectsApi.get(project.id),
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

  const number = (field: (typeof NUMBER_FIELDS)[number], wan: boolean, decimals = 0) => (
    <Form.Item name={field} label={t(`projects.fields.${field}`)}>
      <InputNumber<number>
        min={0}
        max={wan ? 100_000_000 : 100_000_000}
        precision={decimals}
        style={{ width: '100%' }}
        suffix={wan ? '万元' : undefined}
      />
    </Form.Item>
  );

  const pending = create.isPending || update.isPending;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={project ? t('projects.editOf', { name: project.name }) : t('projects.create')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="project-form-submit">
            {project ? t('common.save') : t('common.create')}
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
        initialValues={project ? valuesOf(project) : { isKey: false, isConfidential: false, chainNodeIds: [] }}
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('projects.fields.sectionBasics')}
        </Divider>
        <Form.Item
          name="name"
          label={t('projects.fields.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('projects.fields.name') }),
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="companyId" label={t('projects.fields.company')}>
              <CompanyPicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="responsibleLeaderId" label={t('projects.fields.responsibleLeader')}>
              <PersonPicker role="leader" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="isKey" label={t('projects.fields.isKey')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isConfidential" label={t('projects.fields.isConfidential')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="codeName"
              label={t('projects.fields.codeName')}
              tooltip={t('projects.fields.codeNameHelp')}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="chainNodeIds" label={t('projects.fields.chainNodes')}>
          <ChainNodePicker multiple />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('projects.fields.sectionMoney')}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="capitalOrigin" label={t('projects.fields.capitalOrigin')}>
              <Select
                allowClear
                options={CAPITAL_ORIGINS.map((value) => ({ value, label: t(`projects.capitalOrigins.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="capitalSource" label={t('projects.fields.capitalSource')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>{number('totalInvestmentWan', true)}</Col>
          <Col span={8}>{number('fixedAssetWan', true)}</Col>
          <Col span={8}>{number('paidInWan', true)}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>{number('projectedJobs', false)}</Col>
          <Col span={8}>{number('contractedJobs', false)}</Col>
          <Col span={8}>{number('actualJobs', false)}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>{number('landMu', false, 2)}</Col>
          <Col span={12}>{number('factoryAreaM2', false)}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>{number('expectedOutputWan', true)}</Col>
          <Col span={12}>{number('expectedTaxWan', true)}</Col>
        </Row>
      </Form>
    </Drawer>
  );
}
