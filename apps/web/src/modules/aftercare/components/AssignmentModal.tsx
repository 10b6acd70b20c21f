import { ROLES_SEEING_ALL_TEAMS } from '@lianqiao/domain';
import type { AftercareCompanyDto } from '@lianqiao/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import { aftercareApi } from '../api/aftercare-api';
import { aftercareKeys, useUpdateAssignment } from '../hooks/useAftercare';
import { UserSelect } from './PeopleSelect';

interface Values {
  responsibleLeaderId?: string;
  affairsRepId?: string;
}

const valuesOf = (company: AftercareCompanyDto): Values => ({
  responsibleLeaderId: company.responsibleLeader?.id,
  affairsRepId: company.affairsRep?.id,
});

/**
 * Sets a company's 包保领导 (a leader or an admin) and 政府事务代表 (anyone). Give it a new `key`
 * per opening. A stale version (someone else changed it meanwhile) offers to load the latest.
 */
export function AssignmentModal({
  open,
  company,
  onClose,
}: {
  open: boolean;
  company: AftercareCompanyDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const update = useUpdateAssignment();
  const [version, setVersion] = useState(company?.version ?? 0);
  const [known, setKnown] = useState(company);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const reloadLatest = async () => {
    if (!company) return;
    try {
      const latest = await queryClient.fetchQuery({
        queryKey: aftercareKeys.company(company.companyId),
        queryFn: () => aftercareApi.company(company.companyId),
        staleTime: 0,
      });
      form.setFieldsValue(valuesOf(latest));
      setKnown(latest);
      setVersion(latest.version);
      setStale(false);
      setFormError(null);
      message.info(t('common.reloaded'));
    } catch (error) {
      setFormError(describeError(error, t));
    }
  };

  const submit = (values: Values) => {
    if (!company) return;
    setFormError(null);
    update.mutate(
      {
        companyId: company.companyId,
        responsibleLeaderId: values.responsibleLeaderId ?? null,
        affairsRepId: values.affairsRepId ?? null,
        version,
      },
      {
        onSuccess: (saved) => {
          message.success(t('aftercare.assignment.saved', { name: saved.companyName }));
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

  return (
    <Modal
      open={open && company !== null}
      title={company ? t('aftercare.assignment.titleOf', { name: company.companyName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <FormErrorAlert message={formError} stale={stale} onReload={() => void reloadLatest()} />
      {company ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={valuesOf(company)}
          disabled={update.isPending}
        >
          <Form.Item
            name="responsibleLeaderId"
            label={t('aftercare.assignment.leader')}
            extra={t('aftercare.assignment.leaderHelp')}
          >
            <UserSelect
              allowClear
              roles={ROLES_SEEING_ALL_TEAMS}
              placeholder={t('aftercare.assignment.clear')}
              known={
                known?.responsibleLeader
                  ? { id: known.responsibleLeader.id, name: known.responsibleLeader.displayName }
                  : null
              }
            />
          </Form.Item>
          <Form.Item
            name="affairsRepId"
            label={t('aftercare.assignment.rep')}
            extra={t('aftercare.assignment.repHelp')}
          >
            <UserSelect
              allowClear
              placeholder={t('aftercare.assignment.clear')}
              known={known?.affairsRep ? { id: known.affairsRep.id, name: known.affairsRep.displayName } : null}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
