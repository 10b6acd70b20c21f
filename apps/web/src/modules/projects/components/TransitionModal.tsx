import { seesAllTeams } from '@lianqiao/domain';
import type { ProjectDto, ProjectStatus } from '@lianqiao/contracts';
import type { EvidenceField } from '@lianqiao/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { useCurrentUser } from '../../auth/hooks/useSession';
import { usccRule } from '../../companies/utils';
import { projectsApi, type TransitionRequest } from '../api/projects-api';
import { projectKeys, useTransitionProject } from '../hooks/useProjects';
import { DATE_EVIDENCE, transitionNeeds } from '../transition';

type Values = Partial<Record<EvidenceField, Dayjs | number | string>> & { reason?: string; note?: string };

/** What a move needs to know of the project: a board card carries it, as does the whole project. */
export type TransitionSubject = Pick<
  ProjectDto,
  | 'id'
  | 'name'
  | 'stage'
  | 'heldStage'
  | 'version'
  | 'signedAt'
  | 'contractedWan'
  | 'localUscc'
  | 'startedAt'
  | 'producingAt'
>;

export interface TransitionTarget {
  project: TransitionSubject;
  to: ProjectStatus;
}

/**
 * The transition form: asks for exactly the evidence the move lacks (and a reason where the rules
 * want one), then posts it. A refusal (403, 422) shows the server's message, with each missing
 * field marked, and nothing moves; a stale version offers to load the latest.
 */
export function TransitionModal({
  target,
  onClose,
  onMoved,
}: {
  target: TransitionTarget | null;
  onClose: () => void;
  onMoved?: (project: ProjectDto) => void;
}) {
  return target ? (
    <TransitionForm key={`${target.project.id}:${target.to}`} target={target} onClose={onClose} onMoved={onMoved} />
  ) : null;
}

function TransitionForm({
  target,
  onClose,
  onMoved,
}: {
  target: TransitionTarget;
  onClose: () => void;
  onMoved?: (project: ProjectDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const transition = useTransitionProject();
  const [project, setProject] = useState<TransitionSubject>(target.project);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const needs = useMemo(() => transitionNeeds(project, target.to), [project, target.to]);
  const stageLabel = (stage: ProjectStatus) => t(`projects.stages.${stage}`);

  const submit = (values: Values) => {
    setFormError(null);
    const body: TransitionRequest = { to: target.to, version: project.version };
    for (const field of needs.evidence) {
      const value = values[field];
      if (value === undefined || value === null || value === '') continue;
      if (DATE_EVIDENCE.has(field)) body[field] = (value as Dayjs).format('YYYY-MM-DD');
      else if (field === 'localUscc') body[field] = String(value).trim().toUpperCase();
      else body[field] = value as number;
    }
    if (values.reason?.trim()) body.reason = values.reason.trim();
    if (values.note?.trim()) body.note = values.note.trim();
    transition.mutate(
      { id: project.id, ...body },
      {
        onSuccess: (moved) => {
          message.success(t('projects.transition.moved', { stage: stageLabel(moved.stage) }));
          onMoved?.(moved);
          onClose();
        },
        onError: (error) => {
          const outcome = applyServerErrors(form, error, t);
          setStale(outcome.stale);
          setFormError(outcome.message);
        },
      },
    );
  };

  const reloadLatest = async () => {
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: projectKeys.detail(project.id),
        queryFn: () => projectsApi.get(project.id),
        staleTime: 0,
      });
      setProject(latest);
      setStale(false);
      setFormError(null);
      void queryClient.invalidateQueries({ queryKey: ['projects', 'board'] });
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  return (
    <Modal
      open
      title={t('projects.transition.title', {
        name: project.name,
        from: stageLabel(project.stage),
        to: stageLabel(target.to),
      })}
      okText={needs.kind ? t(`projects.transition.kinds.${needs.kind}`) : t('projects.transition.submit')}
      okButtonProps={
        {
          disabled: needs.blocked !== null,
          danger: needs.kind === 'lose',
          'data-testid': 'transition-submit',
        } as ButtonProps
      }
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      destroyOnHidden
      width={520}
    >
      {needs.blocked ? <Alert type="error" showIcon title={needs.blocked} style={{ marginBottom: 16 }} /> : null}
      {needs.needsLeader && !seesAllTeams(user) ? (
        <Alert type="warning" showIcon title={t('projects.transition.leaderOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} data-testid="transition-form">
        {needs.evidence.length > 0 ? (
          <Typography.Paragraph type="secondary">
            {t('projects.transition.evidenceIntro')}
            {needs.skips ? ` ${t('projects.transition.skipIntro')}` : ''}
          </Typography.Paragraph>
        ) : needs.blocked ? null : (
          <Typography.Paragraph type="secondary">{t('projects.transition.noEvidence')}</Typography.Paragraph>
        )}
        {needs.evidence.map((field) => {
          const label = t(`projects.evidence.${field}`);
          const required = { required: true, message: t('projects.transition.evidenceRequired', { field: label }) };
          if (DATE_EVIDENCE.has(field)) {
            return (
              <Form.Item key={field} name={field} label={label} rules={[required]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            );
          }
          if (field === 'contractedWan') {
            return (
              <Form.Item key={field} name={field} label={label} rules={[required]}>
                <InputNumber<number> min={0} max={100_000_000} precision={0} style={{ width: '100%' }} suffix="万元" />
              </Form.Item>
            );
          }
          return (
            <Form.Item
              key={field}
              name={field}
              label={label}
              rules={[required, usccRule(t)]}
              normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          );
        })}
        {needs.needsReason ? (
          <Form.Item
            name="reason"
            label={t('projects.transition.reason')}
            rules={[{ required: true, whitespace: true, message: t('projects.transition.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('projects.transition.reasonPlaceholder')} />
          </Form.Item>
        ) : null}
        {needs.blocked ? null : (
          <Form.Item name="note" label={t('projects.transition.note')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('projects.transition.notePlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
