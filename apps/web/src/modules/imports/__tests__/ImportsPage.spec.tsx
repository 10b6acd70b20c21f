import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi, response } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import ImportsPage from '../../../pages/imports/ImportsPage';
import { aJob, FakeXhr, JOB_ID, LEAD_COLUMNS } from './fixtures';

const page = <T,>(items: T[]) => ({ items, nextCursor: null, total: items.length });

/** The API, plus the two files the page downloads (they need headers and a blob). */
function serve(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /api/imports': { status: 200, body: page([]) },
    'GET /api/imports/columns/leads': { status: 200, body: LEAD_COLUMNS },
    ...routes,
  });
  const file = (name: string) =>
    ({
      ...response(200),
      headers: new Headers({ 'content-disposition': `attachment; filename="${name}"` }),
      blob: async () => new Blob(['x']),
    }) as unknown as Response;
  const fetch = jest.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/errors.csv')) return Promise.resolve(file('import-00000000-errors.csv'));
    if (url.includes('/api/imports/templates/'))
      return Promise.resolve(file(url.split('/').pop()!.replace('.xlsx', '-template.xlsx')));
    return api.fetch(input, init);
  });
  global.fetch = fetch as unknown as typeof global.fetch;
  return { api, fetch };
}

function dropFile(name = '线索.xlsx') {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['PK'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

async function sentUpload(): Promise<FakeXhr> {
  await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  return FakeXhr.sent[0];
}

describe('ImportsPage', () => {
  const realXhr = global.XMLHttpRequest;
  const saved: string[] = [];
  beforeEach(async () => {
    await resetConsole(aSession({ user: aUser({ role: 'staff' }) }));
    FakeXhr.sent = [];
    saved.length = 0;
    global.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    Object.assign(URL, { createObjectURL: () => 'blob:file', revokeObjectURL: () => undefined });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    global.XMLHttpRequest = realXhr;
    await resetConsole();
  });

  it('follows the upload, then the checking, then lists the bad rows with the full list as errors.csv', async () => {
    const failed = aJob({
      status: 'failed',
      totalRows: 1000,
      processedRows: 1000,
      errorCount: 150,
      message: '150 处错误，未导入任何数据。请下载错误清单改正后重新导入',
      errors: [
        { row: 3, column: '企业', message: '统一社会信用代码校验位不正确' },
        { row: 7, column: '', message: '与第 5 行重复' },
      ],
      finishedAt: '2026-05-01T02:01:00.000Z',
    });
    const { api, fetch } = serve({
      [`GET /api/imports/${JOB_ID}`]: [
        { status: 200, body: aJob({ totalRows: 1000, processedRows: 500 }) },
        { status: 200, body: failed },
      ],
    });
    renderInConsole(<ImportsPage />, { path: '/imports' });
    expect(await screen.findByText('企业名称、统一社会信用代码')).toBeTruthy();

    dropFile();
    const xhr = await sentUpload();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/imports?kind=leads');
    expect(xhr.headers.Authorization).toBe('Bearer access-1');
    expect((xhr.body?.get('file') as File).name).toBe('线索.xlsx');
    expect(xhr.body?.get('kind')).toBe('leads');

    xhr.progress(512, 1024);
    const uploading = await screen.findByTestId('upload-progress');
    expect(uploading.textContent).toContain('上传中');
    expect(within(uploading).getByText('50%')).toBeTruthy();

    await xhr.respond(202, aJob());
    const checking = await screen.findByText(/校验中 · 线索\.xlsx · 500 \/ 1000 行/);
    expect(within(checking.closest('[data-testid="import-progress"]') as HTMLElement).getByText('50%')).toBeTruthy();
    expect(screen.queryByTestId('upload-progress')).toBeNull();

    expect(await screen.findByTestId('import-failed')).toBeTruthy();
    expect(screen.getByText('导入失败，未写入任何数据')).toBeTruthy();
    const errors = screen.getByTestId('import-errors');
    expect(within(errors).getByText('错误行（共 150 处）')).toBeTruthy();
    expect(within(errors).getByText('此处列出前 2 处，完整清单请下载')).toBeTruthy();
    const bad = within(errors).getByText('统一社会信用代码校验位不正确').closest('tr') as HTMLElement;
    expect(within(bad).getByText('3')).toBeTruthy();
    expect(within(bad).getByText('企业')).toBeTruthy();
    expect(
      within(within(errors).getByText('与第 5 行重复').closest('tr') as HTMLElement).getByText('整行'),
    ).toBeTruthy();

    fireEvent.click(screen.getByTestId('download-errors'));
    expect(await screen.findByText('错误清单已下载：import-00000000-errors.csv')).toBeTruthy();
    const call = fetch.mock.calls.find(([url]) => String(url).endsWith('/errors.csv'))!;
    expect(String(call[0])).toBe(`/api/imports/${JOB_ID}/errors.csv`);
    expect((call[1]?.headers as Headers).get('Authorization')).toBe('Bearer access-1');
    expect(saved).toEqual(['import-00000000-errors.csv']);
    // The history is asked again once the import has finished.
    expect(api.calls.filter((c) => c.path === '/api/imports').length).toBeGreaterThan(1);
  });

  it('says how many records a successful import wrote', async () => {
    serve({
      [`GET /api/imports/${JOB_ID}`]: [
        { status: 200, body: aJob({ status: 'writing', totalRows: 123, processedRows: 60 }) },
        {
          status: 200,
          body: aJob({
            status: 'done',
            totalRows: 123,
            processedRows: 120,
            createdCount: 118,
            skippedCount: 5,
            companiesCreated: 2,
            finishedAt: '2026-05-01T02:01:00.000Z',
          }),
        },
      ],
    });
    renderInConsole(<ImportsPage />, { path: '/imports' });

    dropFile();
    const xhr = await sentUpload();
    xhr.progress(1024, 1024);
    await xhr.respond(202, aJob());

    expect(await screen.findByText(/写入中 · 线索\.xlsx · 60 \/ 123 行/)).toBeTruthy();
    expect(await screen.findByText('导入完成：线索.xlsx')).toBeTruthy();
    const done = screen.getByTestId('import-done');
    const figure = (title: string) =>
      within(done).getByText(title).closest('.ant-statistic')?.querySelector('.ant-statistic-content')?.textContent;
    expect(figure('新增记录')).toBe('118');
    expect(figure('已存在而跳过')).toBe('5');
    expect(figure('新建企业')).toBe('2');
    expect(screen.queryByTestId('import-errors')).toBeNull();
  });

  it('shows the server’s reason when it refuses the file', async () => {
    serve({});
    renderInConsole(<ImportsPage />, { path: '/imports' });
    dropFile('notes.xlsx');
    const xhr = await sentUpload();
    await xhr.respond(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: '请求参数有误',
      details: [{ field: 'file', message: '不是有效的 .xlsx 或 .csv 文件' }],
    });
    expect((await screen.findByTestId('upload-error')).textContent).toContain(
      'notes.xlsx：不是有效的 .xlsx 或 .csv 文件',
    );
    expect(screen.queryByTestId('import-job')).toBeNull();
  });

  it('shows the columns and offers the template of the kind chosen, kept in the URL', async () => {
    const { api, fetch } = serve({
      'GET /api/imports/columns/companies': {
        status: 200,
        body: [{ field: 'name', header: '企业名称', required: true, aliases: ['单位名称'], help: '全称' }],
      },
    });
    const { router } = renderInConsole(<ImportsPage />, { path: '/imports' });
    expect(await screen.findByText('负责人用户名')).toBeTruthy();
    expect(screen.getByText('企业名称、统一社会信用代码')).toBeTruthy();

    fireEvent.click(screen.getByTestId('download-template'));
    expect(await screen.findByText('模板已下载：leads-template.xlsx')).toBeTruthy();

    fireEvent.click(screen.getByText('企业', { selector: '.ant-segmented-item-label' }));
    expect(await screen.findByText('单位名称')).toBeTruthy();
    expect(router.state.location.search).toBe('?kind=companies');
    expect(api.calls.some((c) => c.path === '/api/imports/columns/companies')).toBe(true);
    expect(screen.getByTestId('download-template').textContent).toContain('下载企业模板');
    fireEvent.click(screen.getByTestId('download-template'));
    expect(await screen.findByText('模板已下载：companies-template.xlsx')).toBeTruthy();

    const templates = fetch.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/templates/'));
    expect(templates).toEqual(['/api/imports/templates/leads.xlsx', '/api/imports/templates/companies.xlsx']);
    expect(saved).toEqual(['leads-template.xlsx', 'companies-template.xlsx']);
  });
});
