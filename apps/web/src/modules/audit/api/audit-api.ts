import type { Page } from '@lianqiao/contracts';
import { http } from '../../../shared/http';

/** One row of a record's trail: who did what when, with the record before and after. */
export interface AuditEntryDto {
  id: string;
  entity: string;
  entityId: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

export const auditApi = {
  list: (entity: string, entityId: string, signal?: AbortSignal) =>
    http.get<Page<AuditEntryDto>>('/api/audit', { entity, entityId }, { signal }),
};
