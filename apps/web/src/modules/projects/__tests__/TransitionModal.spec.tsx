import type { ProjectDto } from '@lianqiao/contracts';
import { usccCheckCharacter } from '@lianqiao/domain';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { aSession, aUser, fakeApi } from '../../../../test/fake-api';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { TransitionModal } from '../components/TransitionModal';

// Drawers full of antd fields render slowly in jsdom on a shared 2-core machine.
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });

const ID = '00000000-0000-4000-8000-0000000000p1';

function aProject(overrides: Partial<ProjectDto> = {}): ProjectDto {
  return {
    id: ID,
    name: '年产 10GWh 动力电池项目',
    codeName: null,
    isConfidential: false,
    companyId: null,
    companyName: null,
    leadId: null,
    leadSource: null,
    sourceRefId: null,
    stage: 'negotiating',
    heldStage: null,
    ownerId: '00000000-0000-4000-8000-000000000001',
    ownerName: '张三',
    teamId: null,
    responsibleLeaderId: null,
    responsibleLeaderName: null,
    isKey: false,
    capitalOrigin: null,
    capitalSource: null,
    totalInvestmentWan: 120_000,
    fixedAssetWan: null,
    contractedWan: null,
    paidInWan: null,
    projectedJobs: null,
    contractedJobs: null,
    actualJobs: null,
    landMu: null,
    factoryAreaM2: null,
    expectedOutputWan: null,
    expectedTaxWan: null,
    chainNodeIds: [],
    signedAt: null,
    localUscc: null,
    startedAt: null,
    producingAt: null,
    lastProgressAt: '2026-11-01T00:00:00.000Z',
    stalled: false,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

const VALID_USCC = `91320500MA1XY2A3B${usccCheckCharacter('91320500MA1XY2A3B')}`;
const WRONG_USCC = `${VALID_USCC.slice(0, 17)}${VALID_USCC[17] === '0' ? '1' : '0'}`;

function labelsIn(dialog: HTMLElement): string[] {
  return [...dialog.querySelectorAll('.ant-form-item-label label')].map((label) => label.textContent ?? '');
}

describe('TransitionModal', () => {
  beforeEach(() => resetConsole(aSession({ user: aUser({ role: 'staff' }) })));
  afterAll(() => resetConsole());

  it('asks a project in negotiation for exactly the signing evidence', async () => {
    global.fetch = fakeApi({}).fetch;
    renderInConsole(<TransitionModal target={{ project: aProject(), to: 'signed' }} onClose={() => undefined} />);

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('「年产 10GWh 动力电池项目」：在谈 → 已签约')).toBeTruthy();
    expect(labelsIn(dialog)).toEqual(['签约日期', '合同投资额（万元）', '备注']);
  });

  it('asks for the skipped stages’ evidence too when the move skips a stage', async () => {
    global.fetch = fakeApi({}).fetch;
    renderInConsole(<TransitionModal target={{ project: aProject(), to: 'registered' }} onClose={() => undefined} />);

    const dialog = await screen.findByRole('dialog');
    expect(labelsIn(dialog)).toEqual(['签约日期', '合同投资额（万元）', '落地企业统一社会信用代码', '备注']);
    expect(within(dialog).getByText(/跨阶段推进，需补齐被跳过阶段的材料/)).toBeTruthy();
  });

  it('asks a signed project only for the local entity’s credit code, checks it, and posts the move', async () => {
    const signed = aProject({ stage: 'signed', signedAt: '2026-03-01', contractedWan: 50_000 });
    const api = fakeApi({
      [`POST /api/projects/${ID}/transitions`]: {
        status: 200,
        body: { ...signed, stage: 'registered', localUscc: VALID_USCC, version: 4 },
      },
    });
    global.fetch = api.fetch;
    const onClose = jest.fn();
    renderInConsole(<TransitionModal target={{ project: signed, to: 'registered' }} onClose={onClose} />);

    const dialog = await screen.findByRole('dialog');
    expect(labelsIn(dialog)).toEqual(['落地企业统一社会信用代码', '备注']);
    const uscc = within(dialog).getByLabelText('落地企业统一社会信用代码');
    fireEvent.change(uscc, { target: { value: WRONG_USCC } });
    fireEvent.click(screen.getByTestId('transition-submit'));
    expect(await within(dialog).findByText('统一社会信用代码校验位不正确，请核对')).toBeTruthy();
    expect(api.calls).toHaveLength(0);

    fireEvent.change(uscc, { target: { value: VALID_USCC.toLowerCase() } });
    fireEvent.click(screen.getByTestId('transition-submit'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls.map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', `/api/projects/${ID}/transitions`, { to: 'registered', version: 3, localUscc: VALID_USCC }],
    ]);
    expect(await screen.findByText('已移至「已落地注册」')).toBeTruthy();
  });

  it('asks for a reason to move back, warns staff that a leader must do it, and shows the server’s refusal', async () => {
    const registered = aProject({
      stage: 'registered',
      signedAt: '2026-03-01',
      contractedWan: 50_000,
      localUscc: VALID_USCC,
    });
    const api = fakeApi({
      [`POST /api/projects/${ID}/transitions`]: {
        status: 403,
        body: { statusCode: 403, error: 'Forbidden', message: '项目阶段回退需由领导操作' },
      },
    });
    global.fetch = api.fetch;
    const onClose = jest.fn();
    renderInConsole(<TransitionModal target={{ project: registered, to: 'signed' }} onClose={onClose} />);

    const dialog = await screen.findByRole('dialog');
    expect(labelsIn(dialog)).toEqual(['原因', '备注']);
    expect(within(dialog).getByText('此操作需由领导完成（阶段回退或恢复已终止项目）')).toBeTruthy();

    fireEvent.click(screen.getByTestId('transition-submit'));
    expect(await within(dialog).findByText('请填写原因')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '对方撤回签约' } });
    fireEvent.click(screen.getByTestId('transition-submit'));

    expect(await within(dialog).findByText('项目阶段回退需由领导操作')).toBeTruthy();
    expect(api.calls[0].body).toEqual({ to: 'signed', version: 3, reason: '对方撤回签约' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('marks each field the server names as missing (422) and moves nothing', async () => {
    const api = fakeApi({
      [`POST /api/projects/${ID}/transitions`]: {
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: '缺少阶段证明材料：落地企业统一社会信用代码',
          details: [{ field: 'localUscc', message: '缺少此项' }],
        },
      },
    });
    global.fetch = api.fetch;
    // The console believed the evidence complete (a stale copy); the server knows better.
    const believed = aProject({
      stage: 'registered',
      signedAt: '2026-03-01',
      contractedWan: 50_000,
      localUscc: VALID_USCC,
    });
    renderInConsole(
      <TransitionModal target={{ project: believed, to: 'under_construction' }} onClose={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(labelsIn(dialog)).toEqual(['开工日期', '备注']);

    // The date field is required; give the server a date to refuse on other grounds.
    fireEvent.mouseDown(within(dialog).getByLabelText('开工日期'));
    fireEvent.change(within(dialog).getByLabelText('开工日期'), { target: { value: '2026-11-20' } });
    fireEvent.keyDown(within(dialog).getByLabelText('开工日期'), { key: 'Enter', code: 'Enter' });
    fireEvent.click(screen.getByTestId('transition-submit'));

    expect(await within(dialog).findByText('缺少阶段证明材料：落地企业统一社会信用代码')).toBeTruthy();
    expect(api.calls[0].body).toEqual({ to: 'under_construction', version: 3, startedAt: '2026-11-20' });
  });
});
