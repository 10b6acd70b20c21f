import { PROJECT_STAGES, type ProjectDto, type ProjectStage, type ProjectStatus } from '@lianqiao/contracts';
import {
  isStage,
  judgeTransition,
  stageIndex,
  STAGE_EVIDENCE,
  type EvidenceField,
  type TransitionEvidence,
} from '@lianqiao/domain';

export type TransitionKind = 'forward' | 'backward' | 'hold' | 'resume' | 'lose' | 'revive';

/** What a move of this project to `to` asks of the person making it. */
export interface TransitionNeeds {
  /** Evidence the project does not have yet for every stage reached or skipped, in stage order. */
  evidence: EvidenceField[];
  needsReason: boolean;
  needsLeader: boolean;
  kind: TransitionKind | null;
  /** More than one stage forward: the skipped stages' evidence is asked for too. */
  skips: boolean;
  /** The rules forbid this move whatever is given (e.g. reviving a lost project to another stage). */
  blocked: string | null;
}

/** The evidence the project already carries: a later move does not ask for it again. */
export function evidenceOf(project: Pick<ProjectDto, EvidenceField>): TransitionEvidence {
  return {
    signedAt: project.signedAt,
    contractedWan: project.contractedWan,
    localUscc: project.localUscc,
    startedAt: project.startedAt,
    producingAt: project.producingAt,
  };
}

/**
 * Judges the move with the same rules as the server (`judgeTransition`), so that the form asks
 * for exactly the missing evidence, a reason where one is needed, and says when a leader must do it.
 */
export function transitionNeeds(
  project: Pick<ProjectDto, 'stage' | 'heldStage' | EvidenceField>,
  to: ProjectStatus,
): TransitionNeeds {
  const existing = evidenceOf(project);
  const first = judgeTransition(project.stage, to, existing, project.heldStage);
  const base: ProjectStage = isStage(project.stage) ? project.stage : (project.heldStage ?? 'negotiating');
  const skips = isStage(to) && stageIndex(to) - stageIndex(base) > 1;
  if (first.ok) {
    return {
      evidence: [],
      needsReason: first.needsReason,
      needsLeader: first.needsLeader,
      kind: first.kind,
      skips,
      blocked: null,
    };
  }
  if (!first.missing?.length) {
    return { evidence: [], needsReason: false, needsLeader: false, kind: null, skips: false, blocked: first.message };
  }
  // With the missing evidence given, what else would the move need?
  const filled = Object.fromEntries(first.missing.map((field) => [field, 'given'])) as TransitionEvidence;
  const then = judgeTransition(project.stage, to, { ...existing, ...filled }, project.heldStage);
  return {
    evidence: orderedEvidence(first.missing),
    needsReason: then.ok && then.needsReason,
    needsLeader: then.ok && then.needsLeader,
    kind: then.ok ? then.kind : null,
    skips,
    blocked: then.ok ? null : then.message,
  };
}

function orderedEvidence(fields: EvidenceField[]): EvidenceField[] {
  const order = PROJECT_STAGES.flatMap((stage) => STAGE_EVIDENCE[stage] as readonly EvidenceField[]);
  return [...new Set(fields)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export const DATE_EVIDENCE: ReadonlySet<EvidenceField> = new Set(['signedAt', 'startedAt', 'producingAt']);
