import { fireEvent, screen, waitFor } from '@testing-library/react';
import { aSession, fakeApi } from '../../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../../test/render';
import { sessionStore } from '../../../../shared/http';
import { LoginForm } from '../LoginForm';

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe(LoginForm.name, () => {
  beforeEach(() => resetConsole());

  it('shows the server’s message when the password is wrong, and stays signed out', async () => {
    const api = fakeApi({
      'POST /api/auth/login': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误 (wrong username or password)' },
      },
    });
    global.fetch = api.fetch;
    const onSignedIn = jest.fn();
    renderInConsole(<LoginForm onSignedIn={onSignedIn} />);

    fillAndSubmit('admin', 'wrong-password1');

    expect(await screen.findByText('用户名或密码错误 (wrong username or password)')).toBeTruthy();
    expect(api.calls[0].body).toEqual({ username: 'admin', password: 'wrong-password1' });
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(sessionStore.get()).toBeNull();
  });

  it('shows the lock message when the account is locked', async () => {
    global.fetch = fakeApi({
      'POST /api/auth/login': {
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: '登录失败次数过多，账号已锁定，请 15 分钟后再试或联系管理员解锁 (account locked for 15 min)',
          details: [{ field: 'username', message: 'locked until 2030-01-01T00:00:00.000Z' }],
        },
      },
    }).fetch;
    renderInConsole(<LoginForm onSignedIn={jest.fn()} />);

    fillAndSubmit('zhangsan', 'whatever123');

    expect(await screen.findByText(/账号已锁定，请 15 分钟后再试/)).toBeTruthy();
  });

  it('says the server cannot be reached when the request gets no answer', async () => {
    global.fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    renderInConsole(<LoginForm onSignedIn={jest.fn()} />);

    fillAndSubmit('admin', 'Secret-pass1');

    expect(await screen.findByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
  });

  it('asks for both fields before sending anything', async () => {
    const api = fakeApi({});
    global.fetch = api.fetch;
    renderInConsole(<LoginForm onSignedIn={jest.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));

    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('keeps the session in sessionStorage and reports the sign-in', async () => {
    const session = aSession();
    global.fetch = fakeApi({ 'POST /api/auth/login': { status: 200, body: session } }).fetch;
    const onSignedIn = jest.fn();
    renderInConsole(<LoginForm onSignedIn={onSignedIn} />);

    fillAndSubmit('zhangsan', 'Secret-pass1');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(session));
    expect(sessionStore.get()).toEqual(session);
    expect(JSON.parse(window.sessionStorage.getItem('lianqiao.session') ?? 'null')).toEqual(session);
    expect(window.localStorage.getItem('lianqiao.session')).toBeNull();
  });

  it('shows why the user is back on the login page', () => {
    renderInConsole(
      <LoginForm onSignedIn={jest.fn()} notice={{ type: 'warning', text: '登录已过期或已在别处结束，请重新登录。' }} />,
    );

    expect(screen.getByText('登录已过期或已在别处结束，请重新登录。')).toBeTruthy();
  });
});
