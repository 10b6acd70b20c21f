import { fireEvent, screen, waitFor } from '@testing-library/react';
import { aSession, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { routes } from '../../../app/router';

const TOKEN = 'q3Jm0bN6o1dZk3hVb0P4xg';
const FORM = `/api/public/requests/${TOKEN}`;
const FEEDBACK = `/api/public/requests/feedback/${TOKEN}`;
const form = {
  companyName: '长客配套有限公司',
  categories: [
    { value: 'land', label: '用地' },
    { value: 'permits', label: '审批办证' },
    { value: 'financing', label: '融资' },
    { value: 'talent', label: '人才用工' },
    { value: 'utilities', label: '水电气暖' },
    { value: 'policy', label: '政策兑现' },
    { value: 'other', label: '其他' },
  ],
};
const view = {
  companyName: '长客配套有限公司',
  category: 'utilities',
  categoryLabel: '水电气暖',
  description: '新厂房用电增容申请已提交一个月，尚未接电',
  resolution: '已协调供电公司，本周五完成接电',
  resolvedAt: '2026-03-02T08:00:00.000Z',
  submittedAt: '2026-02-20T08:00:00.000Z',
};

function serve(routesTable: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(routesTable);
  global.fetch = api.fetch;
  return api;
}

function fillForm() {
  fireEvent.click(screen.getByLabelText('水电气暖'));
  fireEvent.change(screen.getByLabelText('诉求内容'), {
    target: { value: '  新厂房用电增容申请已提交一个月，尚未接电 ' },
  });
  fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '王经理' } });
  fireEvent.change(screen.getByLabelText('手机号码'), { target: { value: '138 1234 5678' } });
}

describe('the enterprise’s request form (/e/{token})', () => {
  beforeEach(() => resetConsole());
  afterAll(() => resetConsole());

  it('opens without signing in, names the company and sends the request with an empty honeypot and no token', async () => {
    const api = serve({
      [`GET ${FORM}`]: { status: 200, body: form },
      [`POST ${FORM}`]: { status: 201, body: { ok: true, message: '诉求已收到，政府事务代表会尽快与您联系。' } },
    });
    const { router } = renderInConsole(<></>, { path: `/e/${TOKEN}`, routes });

    expect(await screen.findByText('长客配套有限公司')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/e/${TOKEN}`);
    fillForm();
    fireEvent.click(screen.getByLabelText('已通过常规渠道反映但仍未办成（办不成事）'));
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }));

    expect(await screen.findByText('诉求已收到，政府事务代表会尽快与您联系。')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      category: 'utilities',
      description: '新厂房用电增容申请已提交一个月，尚未接电',
      contactName: '王经理',
      contactMobile: '13812345678',
      cannotBeDone: true,
      website: '',
    });
    expect(api.calls.every((c) => c.headers.Authorization === undefined)).toBe(true);
  });

  it('does not send a colleague’s token when opened in a signed-in browser', async () => {
    await resetConsole(aSession());
    const api = serve({ [`GET ${FORM}`]: { status: 200, body: form } });
    renderInConsole(<></>, { path: `/e/${TOKEN}`, routes });

    expect(await screen.findByText('长客配套有限公司')).toBeTruthy();
    expect(api.calls[0].headers.Authorization).toBeUndefined();
  });

  it('checks the fields before sending, naming each one', async () => {
    const api = serve({ [`GET ${FORM}`]: { status: 200, body: form } });
    renderInConsole(<></>, { path: `/e/${TOKEN}`, routes });
    await screen.findByText('长客配套有限公司');

    fireEvent.change(screen.getByLabelText('手机号码'), { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }));

    expect(await screen.findByText('请选择诉求类别')).toBeTruthy();
    expect(screen.getByText('请填写诉求内容')).toBeTruthy();
    expect(screen.getByText('请填写联系人')).toBeTruthy();
    expect(screen.getByText('请填写正确的 11 位手机号码')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('puts the server’s 400 under the field it names', async () => {
    serve({
      [`GET ${FORM}`]: { status: 200, body: form },
      [`POST ${FORM}`]: {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: '请检查：联系人最多 32 个字',
          details: [{ field: 'contactName', message: '联系人最多 32 个字' }],
        },
      },
    });
    renderInConsole(<></>, { path: `/e/${TOKEN}`, routes });
    await screen.findByText('长客配套有限公司');
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }));

    const error = await screen.findByText('联系人最多 32 个字');
    expect(error.id).toBe('error-contactName');
    expect(screen.getByLabelText('联系人').getAttribute('aria-invalid')).toBe('true');
  });

  it('says politely, in Chinese only, when the enterprise sent too many requests', async () => {
    serve({
      [`GET ${FORM}`]: { status: 200, body: form },
      [`POST ${FORM}`]: {
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: '提交过于频繁，请 3 分钟后再试 (too many requests)',
        },
      },
    });
    renderInConsole(<></>, { path: `/e/${TOKEN}`, routes });
    await screen.findByText('长客配套有限公司');
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: '提交诉求' }));

    expect((await screen.findByTestId('public-alert')).textContent).toBe('提交过于频繁，请 3 分钟后再试');
    expect((screen.getByLabelText('联系人') as HTMLInputElement).value).toBe('王经理');
  });

  it('tells the enterprise a replaced QR code no longer works', async () => {
    serve({
      [`GET ${FORM}`]: { status: 404, body: { statusCode: 404, error: 'Not Found', message: '诉求登记链接不存在' } },
    });
    renderInConsole(<></>, { path: `/e/${TOKEN}`, routes });

    expect(await screen.findByText('二维码已失效')).toBeTruthy();
    expect(screen.getByText(/请联系您的政府事务代表获取新的二维码/)).toBeTruthy();
  });
});

describe('the enterprise’s feedback page (/f/{token})', () => {
  beforeEach(() => resetConsole());
  afterAll(() => resetConsole());

  it('shows the resolution and sends the confirmation with the stars and the comment', async () => {
    const api = serve({
      [`GET ${FEEDBACK}`]: { status: 200, body: view },
      [`POST ${FEEDBACK}`]: { status: 200, body: { ok: true, message: '感谢您的评价！' } },
    });
    renderInConsole(<></>, { path: `/f/${TOKEN}`, routes });

    expect((await screen.findByTestId('feedback-resolution')).textContent).toContain('已协调供电公司，本周五完成接电');
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByText('请选择问题是否已解决')).toBeTruthy();
    expect(screen.getByText('请给出满意度')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '已解决' }));
    fireEvent.click(screen.getByRole('radio', { name: '4 星' }));
    expect(screen.getByText('满意')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('意见或建议（选填）'), { target: { value: ' 供电公司响应很快 ' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByText('感谢您的评价')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      confirmed: true,
      satisfaction: 4,
      comment: '供电公司响应很快',
    });
  });

  it('tells the enterprise its request goes to the leader when it is not solved', async () => {
    const api = serve({
      [`GET ${FEEDBACK}`]: { status: 200, body: view },
      [`POST ${FEEDBACK}`]: { status: 200, body: { ok: true, message: '感谢您的评价！' } },
    });
    renderInConsole(<></>, { path: `/f/${TOKEN}`, routes });
    await screen.findByTestId('feedback-resolution');

    fireEvent.click(screen.getByRole('radio', { name: '未解决' }));
    fireEvent.click(screen.getByRole('radio', { name: '1 星' }));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByText('诉求已转交包保领导，我们会尽快与您联系。')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({ confirmed: false, satisfaction: 1 });
  });

  it('says kindly that a used link was already answered, on opening it', async () => {
    serve({
      [`GET ${FEEDBACK}`]: {
        status: 410,
        body: { statusCode: 410, error: 'Gone', message: '该评价链接已使用或已失效' },
      },
    });
    renderInConsole(<></>, { path: `/f/${TOKEN}`, routes });

    expect(await screen.findByText('您已评价过该诉求')).toBeTruthy();
  });

  it('says the same when the link was used meanwhile, on sending', async () => {
    serve({
      [`GET ${FEEDBACK}`]: { status: 200, body: view },
      [`POST ${FEEDBACK}`]: {
        status: 410,
        body: { statusCode: 410, error: 'Gone', message: '该评价链接已使用或已失效' },
      },
    });
    renderInConsole(<></>, { path: `/f/${TOKEN}`, routes });
    await screen.findByTestId('feedback-resolution');
    fireEvent.click(screen.getByRole('radio', { name: '已解决' }));
    fireEvent.click(screen.getByRole('radio', { name: '5 星' }));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    await waitFor(() => expect(screen.getByTestId('feedback-used')).toBeTruthy());
  });

  it('says a link that never was does not work', async () => {
    serve({
      [`GET ${FEEDBACK}`]: { status: 404, body: { statusCode: 404, error: 'Not Found', message: '评价链接不存在' } },
    });
    renderInConsole(<></>, { path: `/f/${TOKEN}`, routes });

    expect(await screen.findByText('评价链接无效')).toBeTruthy();
  });
});
