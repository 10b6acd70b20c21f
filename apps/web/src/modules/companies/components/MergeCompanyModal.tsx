import type { CompanyDto } from '@lianqiao/contracts';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { useMergeCompany } from '../hooks/useCompanies';
import { CompanyPicker } from './CompanyPicker';

/** Leaders and admins: pick the duplicate, confirm, and it is merged into this company. */
export function MergeCompanyModal({
  company,
  open,
  onClose,
}: {
  company: CompanyDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ sourceId: string }>();
  const merge = useMergeCompany();
  const [source, setSource] = useState<CompanyDto | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = ({ sourceId }: { sourceId: string }) => {
    setFormError(null);
    modal.confirm({
      title: t('companies.merge.confirmText', { source: source?.name ?? '', target: company.name }),
      content: t('companies.merge.help'),
      okText: t('companies.merge.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        merge
          .mutateAsync({ id: company.id, sourceId })
          .then((merged) => {
            message.success(t('companies.merge.done', { name: merged.name }));
            onClose();
          })
          .catch((error: unknown) => setFormError(applyServerErrors(form, error, t).message)),
    });
  };

  return (
    <Modal
      open={open}
      title={t('companies.merge.title', { name: company.name })}
      okText={t('companies.merge.confirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('companies.merge.help')} style={{ marginBottom: 16 }} />
      <FormErrorAlert message={formError} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="sourceId"
          label={t('companies.merge.source')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('companies.merge.source') }) }]}
        >
          <CompanyPicker
            excludeId={company.id}
            placeholder={t('companies.merge.sourcePlaceholder')}
            onChange={(id, picked) => {
              form.setFieldValue('sourceId', id ?? undefined);
              setSource(picked);
            }}
          />
        </Form.Item>
        {source?.uscc ? (
          <Typography.Text type="secondary">
            {t('companies.fields.uscc')}：{source.uscc}
          </Typography.Text>
        ) : null}
      </Form>
    </Modal>
  );
}
