import {
  chainLevel,
  isValidUscc,
  judgeTransition,
  maskMobile,
  normalizeCompanyName,
  usccCheckCharacter,
  usccProblem,
} from './index';

describe('USCC (GB 32100-2015)', () => {
  it('accepts real codes with a correct check character', () => {
    // Published codes of Huawei, Tencent and Alibaba.
    for (const code of ['914403001922038216', '91440300708461136T', '91330100799655058B']) {
      expect(usccProblem(code)).toBeNull();
    }
  });

  it('computes the check character from the first seventeen', () => {
    expect(usccCheckCharacter('91110000100010433')).toBe('L');
  });

  it('names what is wrong', () => {
    expect(usccProblem('91110000100010433')).toBe('length');
    expect(usccProblem('91110000100010433I')).toBe('characters');
    expect(usccProblem('91110000100010433M')).toBe('check');
    expect(isValidUscc('91110000100010433M')).toBe(false);
  });
});

describe(judgeTransition.name, () => {
  it('allows one step forward with its evidence and says what is missing without it', () => {
    expect(
      judgeTransition('negotiating', 'signed', { signedAt: '2026-01-01', contractedWan: 5000 }, null),
    ).toMatchObject({ ok: true, kind: 'forward' });
    const verdict = judgeTransition('negotiating', 'signed', { signedAt: '2026-01-01' }, null);
    expect(verdict).toMatchObject({ ok: false, missing: ['contractedWan'] });
  });

  it('allows a skip only with the evidence of every skipped stage', () => {
    expect(judgeTransition('negotiating', 'registered', { localUscc: 'X' }, null)).toMatchObject({
      ok: false,
      missing: ['signedAt', 'contractedWan'],
    });
    expect(
      judgeTransition('negotiating', 'registered', { localUscc: 'X', signedAt: '2026-01-01', contractedWan: 1 }, null),
    ).toMatchObject({ ok: true });
  });

  it('sends backward moves and revivals to leaders with a reason', () => {
    expect(judgeTransition('signed', 'negotiating', {}, null)).toMatchObject({
      ok: true,
      kind: 'backward',
      needsLeader: true,
      needsReason: true,
    });
    expect(judgeTransition('lost', 'signed', {}, 'signed')).toMatchObject({
      ok: true,
      kind: 'revive',
      needsLeader: true,
    });
    expect(judgeTransition('lost', 'registered', {}, 'signed')).toMatchObject({ ok: false });
  });

  it('resumes a held project to its former stage without evidence', () => {
    expect(judgeTransition('on_hold', 'signed', {}, 'signed')).toMatchObject({ ok: true, kind: 'resume' });
    expect(judgeTransition('on_hold', 'registered', {}, 'signed')).toMatchObject({ ok: false, missing: ['localUscc'] });
  });
});

describe('small rules', () => {
  it('masks a mobile number', () => expect(maskMobile('13812341234')).toBe('138****1234'));
  it('levels chain nodes by local companies', () => {
    expect([0, 1, 2, 3, 9].map(chainLevel)).toEqual(['gap', 'weak', 'weak', 'strong', 'strong']);
  });
  it('normalizes company names for duplicate checks', () => {
    expect(normalizeCompanyName('比亚迪股份有限公司')).toBe(normalizeCompanyName(' 比亚迪 '));
    expect(normalizeCompanyName('中车（青岛）有限公司')).toBe(normalizeCompanyName('中车(青岛)公司'));
  });
});
