import type { UserDto } from '@lianqiao/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors, FormErrorAlert } from '../../../shared/forms';
import { useResetPassword } from '../hooks/useUsers';

/** An admin sets a new password for someone; their sessions end and any lock is lifted. */
export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setFormError(null);
    reset.reset();
    onClose();
  };

  const submit = async () => {
    if (!user) return;
    const { password } = await form.validateFields();
    setFormError(null);
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('users.resetPasswordDone', { name: user.displayName }));
          close();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, t).message),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : null}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={close}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHelp')} style={{ marginBottom: 16 }} />
      <FormErrorAlert message={formError} />
      <Form form={form} layout="vertical" autoComplete="off" onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item
          name="password"
          label={t('auth.newPassword')}
          extra={t('auth.passwordPolicy')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('auth.newPassword') }) }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
