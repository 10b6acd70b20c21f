import { REQUEST_STATUS_LABELS, type RequestStatus } from '@lianqiao/contracts';

/** What can happen to a request: routing, the three moves people make, the enterprise's answer. */
export type RequestMove = 'route' | 'in_progress' | 'resolved' | 'escalated' | 'feedback';

/**
 * From which statuses each move may start. A confirmed request is closed. Routing (again) puts a
 * request back to open for the new department; an escalated one may be routed, or resolved by
 * whoever the leader brings in. The enterprise answers a resolved request only.
 */
export const REQUEST_MOVES_FROM: Record<RequestMove, readonly RequestStatus[]> = {
  route: ['open', 'in_progress', 'escalated'],
  in_progress: ['open'],
  resolved: ['open', 'in_progress', 'escalated'],
  escalated: ['open', 'in_progress'],
  feedback: ['resolved'],
};

const MOVE_LABELS: Record<RequestMove, string> = {
  route: '转办',
  in_progress: '开始办理',
  resolved: '办结',
  escalated: '升级',
  feedback: '评价',
};

/** null when the move is allowed from `from`; otherwise why not, for a 422. */
export function requestMoveProblem(from: RequestStatus, move: RequestMove): string | null {
  if (REQUEST_MOVES_FROM[move].includes(from)) return null;
  return `「${REQUEST_STATUS_LABELS[from]}」的诉求不能${MOVE_LABELS[move]}`;
}

const DAY_MS = 86_400_000;

/** The default deadline: so many calendar days after submission. */
export function defaultDueAt(submittedAt: Date, days: number): Date {
  return new Date(submittedAt.getTime() + days * DAY_MS);
}
