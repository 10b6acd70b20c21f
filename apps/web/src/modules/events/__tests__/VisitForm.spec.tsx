import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { CompanyDto, VisitDto } from '@lianqiao/contracts';
import { aSession, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { VisitForm } from '../components/VisitForm';

const DELEGATION = { id: '00000000-0000-4000-8000-0000000000d1', startsOn: '2026-12-01', endsOn: '2026-12-03' };
const COMPANY = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: '上海华信汽车零部件有限公司',
  city: '上海',
} as CompanyDto;

const VISIT: VisitDto = {
  id: '00000000-0000-4000-8000-0000000000v1',
  delegationId: DELEGATION.id,
  companyId: COMPANY.id,
  companyName: COMPANY.name,
  visitedAt: '2026-12-02T02:00:00.000Z',
  metWith: '王总（董事长）',
  contactIds: [],
  summary: '有意在区内设立华东生产基地',
  result: '同意来访考察',
  nextStep: '12 月中旬安排实地考察',
  activityId: '00000000-0000-4000-8000-0000000000a9',
  recorded: true,
  leadId: null,
  createdAt: '2026-11-25T00:00:00Z',
  version: 1,
};

function serve(postReply: { status: number; body?: unknown }) {
  const api = fakeApi({
    'GET /api/companies': { status: 200, body: { items: [COMPANY], nextCursor: null, total: 1 } },
    [`POST /api/delegations/${DELEGATION.id}/visits`]: postReply,
  });
  global.fetch = api.fetch;
  return api;
}

async function fillVisit() {
  const company = screen.getByRole('combobox', { name: '企业' });
  fireEvent.mouseDown(company);
  fireEvent.change(company, { target: { value: '华信' } });
  const option = await screen.findByTitle('上海华信汽车零部件有限公司（上海）', {}, { timeout: 3000 });
  fireEvent.click(option);

  const time = screen.getByRole('textbox', { name: '时间' });
  fireEvent.mouseDown(time);
  fireEvent.change(time, { target: { value: '2026-12-02 10:00' } });
  fireEvent.keyDown(time, { key: 'Enter', code: 'Enter', keyCode: 13 });

  fireEvent.change(screen.getByLabelText('会见人员'), { target: { value: '王总（董事长）' } });
  fireEvent.change(screen.getByLabelText('洽谈内容'), { target: { value: '有意在区内设立华东生产基地' } });
  fireEvent.change(screen.getByLabelText('结果'), { target: { value: '同意来访考察' } });
  fireEvent.change(screen.getByLabelText('下一步'), { target: { value: '12 月中旬安排实地考察' } });
}

describe('VisitForm', () => {
  beforeEach(() => resetConsole(aSession()));

  it('sends the company, a time within the trip, whom they met, the summary, result and next step', async () => {
    const api = serve({ status: 201, body: VISIT });
    const onSaved = jest.fn();
    renderInConsole(<VisitForm delegation={DELEGATION} onSaved={onSaved} />);

    await fillVisit();
    await act(async () => {
      fireEvent.click(screen.getByTestId('visit-submit'));
    });

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(VISIT));
    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({
      companyId: COMPANY.id,
      visitedAt: new Date(2026, 11, 2, 10, 0).toISOString(),
      metWith: '王总（董事长）',
      summary: '有意在区内设立华东生产基地',
      result: '同意来访考察',
      nextStep: '12 月中旬安排实地考察',
    });
    expect(await screen.findByText('已添加对 上海华信汽车零部件有限公司 的走访')).toBeTruthy();
  });

  it('shows the server’s 400 on a date outside the trip under the time field, not above the form', async () => {
    serve({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: '拜访时间须在行程日期之内 (visitedAt must fall on the trip’s days)',
        details: [{ field: 'visitedAt', message: '拜访时间须在行程日期 2026-12-01 至 2026-12-03 之内' }],
      },
    });
    const onSaved = jest.fn();
    renderInConsole(<VisitForm delegation={DELEGATION} onSaved={onSaved} />);

    await fillVisit();
    await act(async () => {
      fireEvent.click(screen.getByTestId('visit-submit'));
    });

    const fieldError = await screen.findByText('拜访时间须在行程日期 2026-12-01 至 2026-12-03 之内');
    expect(fieldError.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('时间');
    expect(screen.queryByRole('alert', { name: /拜访时间须在行程日期之内/ })).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('asks for the company and the time before sending anything', async () => {
    const api = serve({ status: 201, body: VISIT });
    renderInConsole(<VisitForm delegation={DELEGATION} />);

    await act(async () => {
      fireEvent.click(screen.getByTestId('visit-submit'));
    });

    expect(await screen.findByText('请选择企业')).toBeTruthy();
    expect(screen.getByText('请填写时间')).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
