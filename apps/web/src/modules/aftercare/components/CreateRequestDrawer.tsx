import { aftercarePaths, type RequestCategory } from '@lianqiao/contracts';
import { App, Button, DatePicker, Drawer, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { useCreateRequest } from '../hooks/useAftercare';
import { CompanySelect, type Known } from './PeopleSelect';
import { RequestContactFields, RequestContentFields } from './RequestFormFields';

interface Values {
  companyId: string;
  category: RequestCategory;
  description: string;
  cannotBeDone?: boolean;
  orgUnitId?: string;
  dueAt?: Dayjs;
  contactName?: string;
  contactMobile?: string;
}

export interface CreateRequestDrawerProps {
  open: boolean;
  /** A company page logs for its own company: the field is fixed. */
  company?: Known | null;
  departments: { id: string; name: string }[];
  onClose: () => void;
}

/** Staff or the representative log a request on the enterprise's behalf; it opens on its own page. */
export function CreateRequestDrawer({ open, company, departments, onClose }: CreateRequestDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateRequest();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setFormError(null);
    create.mutate(
      {
        companyId: values.companyId,
        category: values.category,
        description: values.description.trim(),
        cannotBeDone: values.cannotBeDone ?? false,
        orgUnitId: values.orgUnitId,
        dueAt: values.dueAt?.toISOString(),
        contactName: values.contactName?.trim() || null,
        contactMobile: values.contactMobile?.trim() || null,
      },
      {
        onSuccess: (request) => {
          message.success(t('aftercare.create.done'));
          onClose();
          navigate(aftercarePaths.request(request.id));
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={t('aftercare.create.title')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="request-create-submit"
          >
            {t('common.create')}
          </Button>
        </Flex>
      }
    >
      <FormErrorAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={create.isPending}
        initialValues={{ companyId: company?.id, cannotBeDone: false }}
      >
        <Form.Item
          name="companyId"
          label={t('aftercare.create.company')}
          rules={[{ required: true, message: t('common.requiredChoice', { field: t('aftercare.create.company') }) }]}
        >
          <CompanySelect
            scope="aftercare"
            known={company}
            disabled={Boolean(company)}
            placeholder={t('aftercare.create.companyPlaceholder')}
          />
        </Form.Item>
        <RequestContentFields />
        <Flex gap={12}>
          <Form.Item
            name="orgUnitId"
            label={t('aftercare.create.department')}
            extra={t('aftercare.create.departmentHelp')}
            style={{ flex: 1 }}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
          <Form.Item
            name="dueAt"
            label={t('aftercare.create.dueAt')}
            extra={t('aftercare.create.dueAtHelp')}
            style={{ flex: 1 }}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
            />
          </Form.Item>
        </Flex>
        <RequestContactFields />
      </Form>
    </Drawer>
  );
}
