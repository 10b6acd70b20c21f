import type { MilestoneDto } from '@lianqiao/contracts';

export interface MilestoneProgress {
  done: number;
  /** Share done, 0–1, four decimals (0 without milestones). */
  progress: number;
  /** The earliest due date among milestones not done, or null. */
  nextDueOn: string | null;
}

/** How far a plan (一企一策) has come: what orders the pool by "closest to the goal". */
export function milestoneProgress(milestones: readonly MilestoneDto[]): MilestoneProgress {
  const done = milestones.filter((m) => m.doneOn !== null).length;
  const pending = milestones
    .filter((m) => m.doneOn === null)
    .map((m) => m.dueOn)
    .sort();
  return {
    done,
    progress: milestones.length ? Math.round((done / milestones.length) * 10_000) / 10_000 : 0,
    nextDueOn: pending[0] ?? null,
  };
}

/** Milestones newly marked done between two versions of a plan (by title and due date). */
export function newlyDone(before: readonly MilestoneDto[], after: readonly MilestoneDto[]): MilestoneDto[] {
  const doneBefore = new Set(before.filter((m) => m.doneOn !== null).map((m) => `${m.title}\u0000${m.dueOn}`));
  return after.filter((m) => m.doneOn !== null && !doneBefore.has(`${m.title}\u0000${m.dueOn}`));
}
