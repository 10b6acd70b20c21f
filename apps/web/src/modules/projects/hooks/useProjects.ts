import type { ProjectDto } from '@lianqiao/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useKeysetList } from '../../../shared/hooks/useKeysetList';
import {
  projectsApi,
  type BoardFilters,
  type ProjectFields,
  type ProjectListFilters,
  type TransitionRequest,
} from '../api/projects-api';

export const projectKeys = {
  all: ['projects'] as const,
  list: (filters: ProjectListFilters, limit?: number) => ['projects', 'list', filters, limit ?? null] as const,
  board: (filters: BoardFilters) => ['projects', 'board', filters] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  history: (id: string) => ['projects', 'history', id] as const,
  attribution: (subject: 'projects' | 'leads', id: string) => [subject, 'attribution', id] as const,
};

export function useProjectList(filters: ProjectListFilters, options: { limit?: number; enabled?: boolean } = {}) {
  return useKeysetList(
    projectKeys.list(filters, options.limit),
    (cursor, signal) => projectsApi.list(filters, cursor, signal, options.limit),
    { enabled: options.enabled },
  );
}

export function useProjectBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: projectKeys.board(filters),
    queryFn: ({ signal }) => projectsApi.board(filters, signal),
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectKeys.detail(id ?? ''),
    queryFn: ({ signal }) => projectsApi.get(id as string, signal),
    enabled: Boolean(id),
  });
}

export function useProjectHistory(id: string) {
  return useQuery({ queryKey: projectKeys.history(id), queryFn: ({ signal }) => projectsApi.history(id, signal) });
}

/** Where a project or lead came from (its source chain). */
export function useAttribution(subject: 'projects' | 'leads', id: string) {
  return useQuery({
    queryKey: projectKeys.attribution(subject, id),
    queryFn: ({ signal }) => projectsApi.attribution(subject, id, signal),
  });
}

/** Any change to a project shows on its page, in the lists, on the board and in its timeline. */
function useProjectMutation<V>(mutationFn: (variables: V) => Promise<ProjectDto>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['projects', 'board'] }),
        queryClient.invalidateQueries({ queryKey: projectKeys.history(project.id) }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'project', project.id] }),
        queryClient.invalidateQueries({ queryKey: ['audit', 'project', project.id] }),
      ]);
    },
  });
}

export const useCreateProject = () => useProjectMutation((body: ProjectFields) => projectsApi.create(body));
export const useUpdateProject = () =>
  useProjectMutation(({ id, ...body }: Partial<ProjectFields> & { id: string; version: number }) =>
    projectsApi.update(id, body),
  );
export const useTransitionProject = () =>
  useProjectMutation(({ id, ...body }: TransitionRequest & { id: string }) => projectsApi.transition(id, body));
