import { REQUEST_OPEN_STATUSES, type RequestStatus } from '@lianqiao/contracts';
import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DeadlineState =
  | { kind: 'closed' }
  /** Still open; `soon` within two days of the deadline. */
  | { kind: 'left'; ms: number; soon: boolean }
  | { kind: 'overdue'; ms: number };

/** Where a request stands against its deadline: only open, in-progress or escalated ones can run late. */
export function deadlineState(dueAt: string, status: RequestStatus, now: number = Date.now()): DeadlineState {
  if (!(REQUEST_OPEN_STATUSES as readonly string[]).includes(status)) return { kind: 'closed' };
  const left = Date.parse(dueAt) - now;
  if (left < 0) return { kind: 'overdue', ms: -left };
  return { kind: 'left', ms: left, soon: left < 2 * DAY };
}

/** "3 天 5 小时", "5 小时", "20 分钟": the coarsest two units that say it. */
export function formatSpan(ms: number, t: TFunction): string {
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    return hours && days < 10
      ? t('aftercare.deadline.daysHours', { days, hours })
      : t('aftercare.deadline.days', { count: days });
  }
  if (ms >= HOUR) return t('aftercare.deadline.hours', { count: Math.floor(ms / HOUR) });
  return t('aftercare.deadline.minutes', { count: Math.max(1, Math.floor(ms / MINUTE)) });
}
