import { PROJECT_STAGES, type ProjectStage, type ProjectStatus } from '@lianqiao/contracts';

/** The evidence a forward move must bring for each stage it reaches or passes. */
export const STAGE_EVIDENCE = {
  negotiating: [],
  signed: ['signedAt', 'contractedWan'],
  registered: ['localUscc'],
  under_construction: ['startedAt'],
  in_production: ['producingAt'],
} as const satisfies Record<ProjectStage, readonly string[]>;

export type EvidenceField = (typeof STAGE_EVIDENCE)[ProjectStage][number];

export const EVIDENCE_LABELS: Record<EvidenceField, string> = {
  signedAt: '签约日期',
  contractedWan: '合同投资额（万元）',
  localUscc: '落地企业统一社会信用代码',
  startedAt: '开工日期',
  producingAt: '投产日期',
};

export type TransitionEvidence = Partial<Record<EvidenceField, string | number | null | undefined>>;

export type TransitionVerdict =
  | {
      ok: true;
      kind: 'forward' | 'backward' | 'hold' | 'resume' | 'lose' | 'revive';
      needsLeader: boolean;
      needsReason: boolean;
    }
  | { ok: false; message: string; missing?: EvidenceField[] };

export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

export function isStage(status: ProjectStatus): status is ProjectStage {
  return (PROJECT_STAGES as readonly string[]).includes(status);
}

/**
 * Whether a project may move from `from` to `to` with the given evidence, and who may do it.
 * `heldStage` is the stage a project on hold or lost was in before, so resuming and reviving
 * are judged from there. Forward moves need each reached or skipped stage's evidence; moving
 * back or reviving a lost project needs a leader and a reason.
 */
export function judgeTransition(
  from: ProjectStatus,
  to: ProjectStatus,
  evidence: TransitionEvidence,
  heldStage: ProjectStage | null,
): TransitionVerdict {
  if (from === to) return { ok: false, message: '项目已处于该阶段' };
  if (to === 'on_hold') {
    if (from === 'lost') return { ok: false, message: '已终止的项目不能暂缓，请先恢复' };
    return { ok: true, kind: 'hold', needsLeader: false, needsReason: true };
  }
  if (to === 'lost') return { ok: true, kind: 'lose', needsLeader: false, needsReason: true };

  const base: ProjectStage = isStage(from) ? from : (heldStage ?? 'negotiating');
  const target = to as ProjectStage;
  if (from === 'lost') {
    return target === base
      ? { ok: true, kind: 'revive', needsLeader: true, needsReason: true }
      : { ok: false, message: `终止的项目只能恢复到终止前的阶段（${base}）` };
  }
  if (from === 'on_hold' && target === base)
    return { ok: true, kind: 'resume', needsLeader: false, needsReason: false };

  const delta = stageIndex(target) - stageIndex(base);
  if (delta < 0) return { ok: true, kind: 'backward', needsLeader: true, needsReason: true };

  const missing: EvidenceField[] = [];
  for (const stage of PROJECT_STAGES.slice(stageIndex(base) + 1, stageIndex(target) + 1)) {
    for (const field of STAGE_EVIDENCE[stage]) {
      const value = evidence[field];
      if (value === undefined || value === null || value === '') missing.push(field);
    }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      message: `缺少阶段证明材料：${missing.map((f) => EVIDENCE_LABELS[f]).join('、')}`,
      missing,
    };
  }
  return { ok: true, kind: 'forward', needsLeader: false, needsReason: false };
}

/** A project is stalled when neither its stage nor its timeline has moved for `days`. */
export function isStalled(status: ProjectStatus, lastProgressAt: Date, now: Date, days: number): boolean {
  if (status === 'in_production' || status === 'lost') return false;
  return now.getTime() - lastProgressAt.getTime() > days * 86_400_000;
}
