import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CultivationEntryDto } from '@lianqiao/contracts';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import CultivationPage from '../../../pages/aftercare/CultivationPage';
import { COMPANY_ID, page } from './fixtures';

const me = aUser({ id: '00000000-0000-4000-8000-000000000031', displayName: '孙专员' });
const entry = (overrides: Partial<CultivationEntryDto>): CultivationEntryDto => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  companyId: COMPANY_ID,
  companyName: '长客配套有限公司',
  goal: 'above_scale',
  measures: '协调办理用地手续；对接区内银行授信',
  ownerId: me.id,
  ownerName: '孙专员',
  milestones: [
    { title: '取得土地证', dueOn: '2026-01-31', doneOn: '2026-01-20' },
    { title: '营业收入突破 2000 万元', dueOn: '2026-12-31', doneOn: null },
  ],
  milestonesDone: 1,
  progress: 0.5,
  nextDueOn: '2026-12-31',
  achievedOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

/** The option of an open antd Select (other elements may carry the same title). */
async function findOption(title: string): Promise<HTMLElement> {
  let option: HTMLElement | undefined;
  await waitFor(() => {
    option = screen.getAllByTitle(title).find((node) => node.classList.contains('ant-select-item-option'));
    expect(option).toBeTruthy();
  });
  return option as HTMLElement;
}

describe('CultivationPage', () => {
  afterAll(() => resetConsole());

  it('lists the pool as the server orders it, with each plan’s progress and next milestone', async () => {
    await resetConsole(aSession({ user: me }));
    const api = fakeApi({
      'GET /api/cultivation': {
        status: 200,
        body: page([
          entry({}),
          entry({
            id: '00000000-0000-4000-8000-0000000000f2',
            companyName: '研奥电气股份有限公司',
            goal: 'srdi',
            ownerId: '00000000-0000-4000-8000-000000000099',
            ownerName: '王区长',
            milestones: [],
            milestonesDone: 0,
            progress: 0,
            nextDueOn: null,
          }),
        ]),
      },
    });
    global.fetch = api.fetch;
    renderInConsole(<CultivationPage />, { path: '/aftercare/cultivation?goal=above_scale' });

    const first = (await screen.findByText('长客配套有限公司')).closest('tr') as HTMLElement;
    expect(within(first).getByText('拟入规')).toBeTruthy();
    expect(within(first).getByText('1/2 个节点')).toBeTruthy();
    expect(within(first).getByText('2026-12-31')).toBeTruthy();
    expect(within(first).getByRole('button', { name: /编\s*辑/ })).toBeTruthy();
    const second = screen.getByText('研奥电气股份有限公司').closest('tr') as HTMLElement;
    expect(within(second).getByText('未设节点')).toBeTruthy();
    // Someone else's plan: only its owner and leaders change it.
    expect(within(second).queryByRole('button', { name: /编\s*辑/ })).toBeNull();
    expect(api.calls.find((c) => c.path === '/api/cultivation')!.query.get('goal')).toBe('above_scale');
  });

  it('puts a company into the pool with its plan and milestones', async () => {
    await resetConsole(aSession({ user: me }));
    const api = fakeApi({
      'GET /api/cultivation': { status: 200, body: page([]) },
      'GET /api/companies': { status: 200, body: page([{ id: COMPANY_ID, name: '长客配套有限公司' }]) },
      'GET /api/users': { status: 200, body: page([me]) },
      'POST /api/cultivation': { status: 201, body: entry({}) },
    });
    global.fetch = api.fetch;
    renderInConsole(<CultivationPage />, { path: '/aftercare/cultivation' });
    await screen.findByText('培育库中暂无企业');

    fireEvent.click(screen.getByRole('button', { name: /纳入培育库/ }));
    const drawer = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(drawer).getByLabelText('企业'));
    fireEvent.click(await findOption('长客配套有限公司'));
    fireEvent.mouseDown(within(drawer).getByLabelText('培育目标'));
    fireEvent.click(await findOption('专精特新'));
    fireEvent.change(within(drawer).getByLabelText('一企一策：帮扶措施'), { target: { value: '申报市级技术中心' } });
    fireEvent.click(within(drawer).getByRole('button', { name: /添加节点/ }));
    fireEvent.change(within(drawer).getByLabelText('节点内容'), { target: { value: '通过省级专精特新认定' } });
    const due = within(drawer).getByPlaceholderText('计划日期');
    fireEvent.mouseDown(due);
    fireEvent.change(due, { target: { value: '2026-10-31' } });
    fireEvent.keyDown(due, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect((due as HTMLInputElement).value).toBe('2026-10-31'));
    fireEvent.click(screen.getByTestId('cultivation-submit'));

    expect(await screen.findByText('长客配套有限公司 已纳入培育库')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      companyId: COMPANY_ID,
      goal: 'srdi',
      measures: '申报市级技术中心',
      milestones: [{ title: '通过省级专精特新认定', dueOn: '2026-10-31', doneOn: null }],
    });
  });
});
