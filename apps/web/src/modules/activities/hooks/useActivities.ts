import type { SubjectType } from '@lianqiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { activitiesApi, type ActivityRequest } from '../api/activities-api';

export const activityKeys = {
  timeline: (subjectType: SubjectType, subjectId: string) => ['activities', subjectType, subjectId] as const,
};

export function useTimeline(subjectType: SubjectType, subjectId: string) {
  return useQuery({
    queryKey: activityKeys.timeline(subjectType, subjectId),
    queryFn: ({ signal }) => activitiesApi.list(subjectType, subjectId, signal),
  });
}

/** A follow-up changes the timeline and, for a lead, its next follow-up date and status. */
export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityRequest) => activitiesApi.create(body),
    onSuccess: (activity) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: activityKeys.timeline(activity.subjectType, activity.subjectId) }),
        queryClient.invalidateQueries({
          queryKey: [`${activity.subjectType === 'company' ? 'companies' : `${activity.subjectType}s`}`],
        }),
      ]),
  });
}
