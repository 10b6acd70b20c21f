import { act, render, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../http';
import { i18n } from '../../i18n';
import { applyServerErrors } from '../server-errors';

const t = i18n.t.bind(i18n) as TFunction;

function renderForm() {
  let form!: FormInstance;
  function Harness() {
    const [instance] = Form.useForm();
    form = instance;
    return (
      <Form form={instance}>
        <Form.Item name="username" label="用户名">
          <Input />
        </Form.Item>
        <Form.Item name="password" label="密码">
          <Input />
        </Form.Item>
      </Form>
    );
  }
  render(<Harness />);
  return () => form;
}

const badRequest = (details: { field: string; message: string }[]) =>
  new ApiError('api', {
    statusCode: 400,
    error: 'Bad Request',
    code: 'input.invalid',
    message: '输入有误 (invalid input)',
    details,
  });

describe(applyServerErrors.name, () => {
  it('puts each detail under the Form.Item of its field, and leaves nothing else to say', async () => {
    const form = renderForm();
    let outcome!: ReturnType<typeof applyServerErrors>;

    await act(async () => {
      outcome = applyServerErrors(
        form(),
        badRequest([
          { field: 'username', message: '已存在' },
          { field: 'password', message: '密码至少 10 个字符' },
        ]),
        t,
      );
    });

    expect(outcome).toEqual({ message: null, stale: false });
    expect(form().getFieldError('username')).toEqual(['已存在']);
    expect(form().getFieldError('password')).toEqual(['密码至少 10 个字符']);
    expect(await screen.findByText('密码至少 10 个字符')).toBeTruthy();
  });

  it('keeps the server’s message when a detail names no field of the form', async () => {
    const form = renderForm();
    let outcome!: ReturnType<typeof applyServerErrors>;

    await act(async () => {
      outcome = applyServerErrors(
        form(),
        badRequest([
          { field: 'username', message: '已存在' },
          { field: 'teamId', message: '专班不存在' },
        ]),
        t,
      );
    });

    expect(outcome).toEqual({ message: '输入有误 (invalid input)', stale: false });
    expect(form().getFieldError('username')).toEqual(['已存在']);
  });

  it('reports a stale version instead of marking a field', () => {
    const form = renderForm();
    const conflict = new ApiError('api', {
      statusCode: 409,
      error: 'Conflict',
      code: 'record.stale',
      message: '记录已被他人修改，请刷新后重试 (stale version)',
      details: [{ field: 'version', message: '版本已过期' }],
    });

    expect(applyServerErrors(form(), conflict, t)).toEqual({ message: null, stale: true });
  });

  it('describes a lost connection in the user’s language', () => {
    const form = renderForm();

    expect(applyServerErrors(form(), ApiError.network(new TypeError('Failed to fetch')), t)).toEqual({
      message: '无法连接服务器，请检查网络后重试',
      stale: false,
    });
  });
});
