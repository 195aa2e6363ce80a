import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type ModelSummary = Schemas['ModelSummary'];
export type ModelDetail = Schemas['ModelDetail'];
export type ModelInput = Schemas['ModelInput'];
export type ModelStatus = Schemas['ModelStatus'];
export type ModelTransition = Schemas['ModelTransition'];
export type RecognitionInput = Schemas['RecognitionInput'];
export type RecognitionLevel = Schemas['RecognitionLevel'];
export type LeadOrganisation = Schemas['LeadOrganisation'];
export type TargetCommunity = Schemas['TargetCommunity'];
export type Team = Schemas['Team'];
export type TeamInput = Schemas['TeamInput'];
export type Member = Schemas['Member'];
export type MemberInput = Schemas['MemberInput'];
export type MemberRole = Schemas['MemberRole'];
export type RosterRow = Schemas['RosterRow'];
export type RosterImportResult = Schemas['RosterImportResult'];

export interface ModelListParams {
  q?: string;
  fieldId?: number;
  typeId?: number;
  status?: ModelStatus[];
  recognitionLevel?: RecognitionLevel;
  unitId?: number;
  establishedFrom?: string;
  establishedTo?: string;
  page?: number;
  size?: number;
  sort?: string;
}

export const modelKeys = {
  all: ['models'] as const,
  list: (params: ModelListParams) => ['models', 'list', params] as const,
  detail: (id: number) => ['models', 'detail', id] as const,
  teams: (id: number) => ['models', 'teams', id] as const,
  members: (id: number, teamId: number) => ['models', 'members', id, teamId] as const,
  search: (params: object) => ['models', 'member-search', params] as const,
};

export function useModelList(params: ModelListParams) {
  return useQuery({
    queryKey: modelKeys.list(params),
    queryFn: async () => (await unwrap(api.GET('/api/models', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export const modelDetailQuery = (id: number) =>
  queryOptions({
    queryKey: modelKeys.detail(id),
    queryFn: async () => {
      const { data, response } = await unwrap(
        api.GET('/api/models/{id}', { params: { path: { id } } }),
      );
      return { model: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });

export function useModelDetail(id: number) {
  return useQuery(modelDetailQuery(id));
}

export function useTeams(id: number) {
  return useQuery({
    queryKey: modelKeys.teams(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/models/{id}/teams', { params: { path: { id } } }))).data,
  });
}

export function useMembers(id: number, teamId: number | undefined) {
  return useQuery({
    queryKey: modelKeys.members(id, teamId ?? 0),
    enabled: teamId !== undefined,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/models/{id}/teams/{teamId}/members', {
            params: { path: { id, teamId: teamId ?? 0 } },
          }),
        )
      ).data,
  });
}

export function useMemberSearch(params: {
  q?: string;
  unitId?: number;
  page?: number;
  size?: number;
}) {
  return useQuery({
    queryKey: modelKeys.search(params),
    enabled: Boolean(params.q && params.q.trim().length >= 2),
    queryFn: async () =>
      (await unwrap(api.GET('/api/members', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

/** Every change to a model reloads its page, its roster and the lists. */
function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: modelKeys.all });
}

export function useCreateModel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: ModelInput) => (await unwrap(api.POST('/api/models', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useUpdateModel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id: number; etag: string; body: ModelInput }) =>
      (
        await unwrap(
          api.PUT('/api/models/{id}', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: invalidate,
  });
}

export function useTransitionModel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id: number; etag: string; body: ModelTransition }) =>
      (
        await unwrap(
          api.POST('/api/models/{id}/transitions', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: invalidate,
  });
}

export function useRecognizeModel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id: number; etag: string; body: RecognitionInput }) =>
      (
        await unwrap(
          api.POST('/api/models/{id}/recognitions', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: invalidate,
  });
}

export function useSaveTeam(modelId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ team, body }: { team?: Team; body: TeamInput }) =>
      team
        ? (
            await unwrap(
              api.PUT('/api/models/{id}/teams/{teamId}', {
                params: {
                  path: { id: modelId, teamId: team.id },
                  header: { 'If-Match': `"${team.version}"` },
                },
                body,
              }),
            )
          ).data
        : (
            await unwrap(
              api.POST('/api/models/{id}/teams', { params: { path: { id: modelId } }, body }),
            )
          ).data,
    onSuccess: invalidate,
  });
}

export function useSaveMember(modelId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      teamId,
      member,
      body,
    }: {
      teamId: number;
      member?: Member;
      body: MemberInput;
    }) =>
      member
        ? (
            await unwrap(
              api.PUT('/api/models/{id}/members/{memberId}', {
                params: {
                  path: { id: modelId, memberId: member.id },
                  header: { 'If-Match': `"${member.version}"` },
                },
                body,
              }),
            )
          ).data
        : (
            await unwrap(
              api.POST('/api/models/{id}/teams/{teamId}/members', {
                params: { path: { id: modelId, teamId } },
                body,
              }),
            )
          ).data,
    onSuccess: invalidate,
  });
}

export function useDeleteMember(modelId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (member: Member) =>
      unwrap(
        api.DELETE('/api/models/{id}/members/{memberId}', {
          params: {
            path: { id: modelId, memberId: member.id },
            header: { 'If-Match': `"${member.version}"` },
          },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Checks (dryRun) or saves a roster; a 422 still carries the row-by-row problems. */
export async function importRoster(
  modelId: number,
  rows: RosterRow[],
  dryRun: boolean,
  asOf?: string,
): Promise<RosterImportResult> {
  const call = api.POST('/api/models/{id}/roster', {
    params: { path: { id: modelId } },
    body: { dryRun, rows, asOf },
  });
  const { data, error, response } = await call;
  if (data) return data;
  if (response.status === 422 && error && typeof error === 'object' && 'problems' in error) {
    return error as RosterImportResult;
  }
  // anything else is a problem+json: unwrap turns it into an ApiError
  await unwrap(Promise.resolve({ data, error, response }));
  throw new Error('unreachable');
}
