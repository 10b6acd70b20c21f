import type { ActivityDto, ActivityKind, Page, SubjectType } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

/** Kinds a person logs; stage changes, scans and interests are written by the system. */
export const LOGGABLE_KINDS = [
  'call',
  'visit',
  'meeting',
  'online_meeting',
  'wechat',
  'email',
  'reception',
  'note',
] as const satisfies readonly ActivityKind[];
export type LoggableKind = (typeof LOGGABLE_KINDS)[number];

export interface ActivityRequest {
  subjectType: SubjectType;
  subjectId: string;
  kind: LoggableKind;
  occurredAt: string;
  summary: string;
  nextStep?: string | null;
  participants?: string | null;
  /** Leads only: sets the lead's next follow-up date at the same time. */
  nextFollowUpAt?: string | null;
}

export const activitiesApi = {
  list: (subjectType: SubjectType, subjectId: string, signal?: AbortSignal) =>
    http.get<Page<ActivityDto>>('/api/activities', { subjectType, subjectId }, { signal }),
  create: (body: ActivityRequest) => http.post<ActivityDto>('/api/activities', body),
};
