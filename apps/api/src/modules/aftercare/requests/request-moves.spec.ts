import { REQUEST_STATUSES } from '@lianqiao/contracts';
import { defaultDueAt, REQUEST_MOVES_FROM, requestMoveProblem } from './request-moves';

describe(requestMoveProblem.name, () => {
  it('lets a department start only an open request', () => {
    expect(requestMoveProblem('open', 'in_progress')).toBeNull();
    expect(requestMoveProblem('in_progress', 'in_progress')).toBe('「办理中」的诉求不能开始办理');
  });

  it('resolves open, in-progress and escalated requests, never a resolved or confirmed one', () => {
    expect(['open', 'in_progress', 'escalated'].map((s) => requestMoveProblem(s as never, 'resolved'))).toEqual([
      null,
      null,
      null,
    ]);
    expect(requestMoveProblem('resolved', 'resolved')).toBe('「已办结」的诉求不能办结');
    expect(requestMoveProblem('confirmed', 'resolved')).toBe('「企业已确认」的诉求不能办结');
  });

  it('takes the enterprise’s answer on a resolved request only', () => {
    for (const status of REQUEST_STATUSES) {
      expect(requestMoveProblem(status, 'feedback') === null).toBe(status === 'resolved');
    }
  });

  it('closes a confirmed request to every move', () => {
    for (const move of Object.keys(REQUEST_MOVES_FROM) as Array<keyof typeof REQUEST_MOVES_FROM>) {
      expect(requestMoveProblem('confirmed', move)).not.toBeNull();
    }
  });
});

describe(defaultDueAt.name, () => {
  it('counts calendar days from submission', () => {
    expect(defaultDueAt(new Date('2026-11-01T09:30:00+08:00'), 10).toISOString()).toBe('2026-11-11T01:30:00.000Z');
  });
});
