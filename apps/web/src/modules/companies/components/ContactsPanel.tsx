import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContactDto } from '@lianqiao/contracts';
import { CHINA_MOBILE } from '@lianqiao/domain';
import { Alert, App, Button, Empty, Flex, Form, Input, Modal, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { describeError } from '../../../shared/http';
import type { ContactRequest } from '../api/companies-api';
import { useContacts, useCreateContact } from '../hooks/useCompanies';

/** A contact's mobile as the API gave it: masked ones carry a lock and say who may see them. */
export function ContactMobile({ contact }: { contact: Pick<ContactDto, 'mobile' | 'mobileMasked'> }) {
  const { t } = useTranslation();
  if (!contact.mobile) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  if (!contact.mobileMasked) return <Typography.Text copyable>{contact.mobile}</Typography.Text>;
  return (
    <Tooltip title={t('companies.contacts.masked')}>
      <Space size={4} data-testid="masked-mobile">
        <LockOutlined style={{ color: 'rgba(0,0,0,0.45)' }} aria-label={t('companies.contacts.masked')} />
        <Typography.Text type="secondary">{contact.mobile}</Typography.Text>
      </Space>
    </Tooltip>
  );
}

export function ContactsPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contacts = useContacts(companyId);
  const create = useCreateContact(companyId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ContactRequest>();
  const [formError, setFormError] = useState<string | null>(null);
  const items = contacts.data?.items ?? [];

  const submit = (values: ContactRequest) => {
    setFormError(null);
    const trimmed = (text?: string | null) => text?.trim() || null;
    create.mutate(
      {
        name: values.name.trim(),
        title: trimmed(values.title),
        mobile: trimmed(values.mobile),
        email: trimmed(values.email),
        wechat: trimmed(values.wechat),
      },
      {
        onSuccess: (contact) => {
          message.success(t('companies.contacts.added', { name: contact.name }));
          setOpen(false);
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <>
      {contacts.isError ? <Alert type="error" showIcon title={describeError(contacts.error, t)} /> : null}
      {items.length > 0 ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('companies.contacts.add')}
          </Button>
        </Flex>
      ) : null}
      <Table<ContactDto>
        rowKey="id"
        size="middle"
        loading={contacts.isLoading}
        dataSource={items}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description={t('companies.contacts.empty')}>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
                {t('companies.contacts.add')}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t('companies.contacts.name'),
            dataIndex: 'name',
            render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
          },
          {
            title: t('companies.contacts.title'),
            dataIndex: 'title',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('companies.contacts.mobile'),
            key: 'mobile',
            render: (_, contact) => <ContactMobile contact={contact} />,
          },
          {
            title: t('companies.contacts.email'),
            dataIndex: 'email',
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('companies.contacts.wechat'),
            dataIndex: 'wechat',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('companies.contacts.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <FormErrorAlert message={formError} />
        <Form<ContactRequest> form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="name"
            label={t('companies.contacts.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('companies.contacts.name') }),
              },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="title" label={t('companies.contacts.title')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="mobile"
            label={t('companies.contacts.mobile')}
            rules={[{ pattern: CHINA_MOBILE, message: t('companies.contacts.mobileFormat') }]}
          >
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('companies.contacts.email')}
            rules={[{ type: 'email', message: t('companies.contacts.emailFormat') }]}
          >
            <Input maxLength={128} />
          </Form.Item>
          <Form.Item name="wechat" label={t('companies.contacts.wechat')}>
            <Input maxLength={64} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
