import { milestoneProgress, newlyDone } from './milestone-progress';

describe(milestoneProgress.name, () => {
  it('gives the share done and the nearest date still pending', () => {
    const sut = milestoneProgress([
      { title: '完成规上入库申报', dueOn: '2026-12-31', doneOn: null },
      { title: '营收突破 2000 万元', dueOn: '2026-11-30', doneOn: null },
      { title: '财务规范化', dueOn: '2026-06-30', doneOn: '2026-06-20' },
    ]);
    expect(sut).toEqual({ done: 1, progress: 0.3333, nextDueOn: '2026-11-30' });
  });

  it('is zero with no milestones and has no next date when all are done', () => {
    expect(milestoneProgress([])).toEqual({ done: 0, progress: 0, nextDueOn: null });
    expect(milestoneProgress([{ title: 'a', dueOn: '2026-01-01', doneOn: '2026-01-01' }])).toEqual({
      done: 1,
      progress: 1,
      nextDueOn: null,
    });
  });
});

describe(newlyDone.name, () => {
  it('names only the milestones done since the previous version', () => {
    const before = [
      { title: 'a', dueOn: '2026-01-01', doneOn: '2026-01-02' },
      { title: 'b', dueOn: '2026-02-01', doneOn: null },
    ];
    const after = [
      { title: 'a', dueOn: '2026-01-01', doneOn: '2026-01-02' },
      { title: 'b', dueOn: '2026-02-01', doneOn: '2026-02-03' },
      { title: 'c', dueOn: '2026-03-01', doneOn: null },
    ];
    expect(newlyDone(before, after)).toEqual([{ title: 'b', dueOn: '2026-02-01', doneOn: '2026-02-03' }]);
  });
});
