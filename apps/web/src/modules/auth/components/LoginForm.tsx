import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginRequest, LoginResponse } from '@lianqiao/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/http';
import { useLogin } from '../hooks/useAuthActions';

export interface LoginFormProps {
  /** Why the user is here again (their session ended, they signed out), shown above the form. */
  notice?: { type: 'info' | 'warning'; text: string } | null;
  onSignedIn: (session: LoginResponse) => void;
}

/** Username and password; the server's own message when it refuses (wrong password, locked, deactivated). */
export function LoginForm({ notice, onSignedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginRequest>();
  const login = useLogin();

  return (
    <Form<LoginRequest>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      disabled={login.isPending}
      onFinish={(values) => login.mutate(values, { onSuccess: (session) => onSignedIn(session) })}
      onValuesChange={() => login.isError && login.reset()}
    >
      {login.isError ? (
        <Alert type="error" showIcon title={describeError(login.error, t)} style={{ marginBottom: 20 }} />
      ) : notice ? (
        <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 20 }} />
      ) : null}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.usernamePlaceholder') }]}
      >
        <Input
          prefix={<UserOutlined />}
          placeholder={t('auth.usernamePlaceholder')}
          autoComplete="username"
          autoFocus
          maxLength={64}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.password')}
        rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t('auth.passwordPlaceholder')}
          autoComplete="current-password"
          maxLength={128}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
