import { screen, within } from '@testing-library/react';
import type { RoadshowYieldDto } from '@lianqiao/contracts';
import { renderInConsole, resetConsole } from '../../../../test/render';
import { RoadshowYieldPanel } from '../components/RoadshowYieldPanel';

const FIGURES: RoadshowYieldDto = {
  roadshowId: '00000000-0000-4000-8000-0000000000r1',
  budgetWan: 30,
  invited: 12,
  declined: 2,
  attendees: 10,
  checkedIn: 8,
  leads: 4,
  qualifiedLeads: 3,
  convertedLeads: 2,
  projects: 2,
  signedProjects: 1,
  signedAtEvent: 1,
  lostAfterSigning: 0,
  contractedWan: 52000,
  costPerLeadWan: 7.5,
  costPerSignedProjectWan: 30,
  countedAt: '2026-12-10T10:00:00Z',
};

const figureIn = (testId: string) => within(screen.getByTestId(testId));

describe('RoadshowYieldPanel', () => {
  beforeEach(() => resetConsole());

  it('shows every figure the server counted, each under its Chinese title', () => {
    renderInConsole(<RoadshowYieldPanel figures={FIGURES} />);

    expect(screen.getByText('活动成效')).toBeTruthy();
    const expected: Array<[string, string, string]> = [
      ['yield-attendees', '参会企业', '10'],
      ['yield-checkedIn', '已签到', '8'],
      ['yield-leads', '线索', '4'],
      ['yield-qualifiedLeads', '有效线索', '3'],
      ['yield-projects', '项目', '2'],
      ['yield-signedProjects', '签约项目', '1'],
      ['yield-contractedWan', '签约额（万元）', '52,000'],
      ['yield-costPerLead', '每条线索成本（万元）', '7.50'],
      ['yield-costPerSignedProject', '每个签约项目成本（万元）', '30.00'],
    ];
    for (const [testId, title, value] of expected) {
      expect([testId, figureIn(testId).getByText(title).textContent]).toEqual([testId, title]);
      expect([testId, screen.getByTestId(testId).querySelector('.ant-statistic-content')?.textContent]).toEqual([
        testId,
        value,
      ]);
    }
    expect(screen.queryByText(/签约后流失/)).toBeNull();
  });

  it('shows a dash for a cost the server could not compute (no budget, no leads) and warns of projects lost after signing', () => {
    renderInConsole(
      <RoadshowYieldPanel
        figures={{
          ...FIGURES,
          budgetWan: null,
          costPerLeadWan: null,
          costPerSignedProjectWan: null,
          lostAfterSigning: 2,
        }}
      />,
    );

    expect(screen.getByTestId('yield-costPerLead').querySelector('.ant-statistic-content')?.textContent).toBe('—');
    expect(screen.getByTestId('yield-costPerSignedProject').querySelector('.ant-statistic-content')?.textContent).toBe(
      '—',
    );
    expect(screen.getByText('签约后流失 2 个')).toBeTruthy();
  });

  it('speaks English when the console does', async () => {
    const { setLanguage } = await import('../../../shared/i18n');
    await setLanguage('en');
    renderInConsole(<RoadshowYieldPanel figures={FIGURES} />);

    expect(screen.getByText('Cost per signed project (×10k CNY)')).toBeTruthy();
    expect(screen.getByText('Checked in')).toBeTruthy();
  });
});
