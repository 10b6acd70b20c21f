import { useQuery } from '@tanstack/react-query';
import { auditApi } from '../api/audit-api';

export function useAuditTrail(entity: string, entityId: string) {
  return useQuery({
    queryKey: ['audit', entity, entityId],
    queryFn: ({ signal }) => auditApi.list(entity, entityId, signal),
    staleTime: 0,
  });
}
