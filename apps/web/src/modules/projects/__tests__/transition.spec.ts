import type { ProjectDto } from '@lianqiao/contracts';
import { transitionNeeds } from '../transition';

type Evidence = Pick<
  ProjectDto,
  'stage' | 'heldStage' | 'signedAt' | 'contractedWan' | 'localUscc' | 'startedAt' | 'producingAt'
>;

const project = (overrides: Partial<Evidence> = {}): Evidence => ({
  stage: 'negotiating',
  heldStage: null,
  signedAt: null,
  contractedWan: null,
  localUscc: null,
  startedAt: null,
  producingAt: null,
  ...overrides,
});

const signed = project({ stage: 'signed', signedAt: '2026-03-01', contractedWan: 50_000 });

describe(transitionNeeds.name, () => {
  it('asks a project in negotiation for the signing date and the contracted amount to become signed', () => {
    expect(transitionNeeds(project(), 'signed')).toEqual({
      evidence: ['signedAt', 'contractedWan'],
      needsReason: false,
      needsLeader: false,
      kind: 'forward',
      skips: false,
      blocked: null,
    });
  });

  it('asks for every skipped stage’s evidence when a move skips stages', () => {
    expect(transitionNeeds(project(), 'registered')).toMatchObject({
      evidence: ['signedAt', 'contractedWan', 'localUscc'],
      skips: true,
      kind: 'forward',
    });
  });

  it('does not ask again for evidence the project already carries', () => {
    expect(transitionNeeds(signed, 'registered').evidence).toEqual(['localUscc']);
    expect(transitionNeeds({ ...signed, localUscc: '91310000MA1FL0001X' }, 'under_construction').evidence).toEqual([
      'startedAt',
    ]);
  });

  it('asks a leader for a reason, and no evidence, to move a project back', () => {
    expect(transitionNeeds({ ...signed, stage: 'registered', localUscc: 'X' }, 'signed')).toEqual({
      evidence: [],
      needsReason: true,
      needsLeader: true,
      kind: 'backward',
      skips: false,
      blocked: null,
    });
  });

  it('asks for a reason to hold or drop a project, without a leader', () => {
    expect(transitionNeeds(signed, 'on_hold')).toMatchObject({ kind: 'hold', needsReason: true, needsLeader: false });
    expect(transitionNeeds(signed, 'lost')).toMatchObject({ kind: 'lose', needsReason: true, needsLeader: false });
  });

  it('resumes a held project at its stage without anything further', () => {
    expect(transitionNeeds({ ...signed, stage: 'on_hold', heldStage: 'signed' }, 'signed')).toMatchObject({
      kind: 'resume',
      evidence: [],
      needsReason: false,
    });
  });

  it('lets a leader revive a lost project only to the stage it left, with a reason', () => {
    const lost = { ...signed, stage: 'lost' as const, heldStage: 'signed' as const };
    expect(transitionNeeds(lost, 'signed')).toMatchObject({
      kind: 'revive',
      needsLeader: true,
      needsReason: true,
      blocked: null,
    });
    expect(transitionNeeds(lost, 'registered').blocked).toMatch(/终止的项目只能恢复到终止前的阶段/);
  });
});
