import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type SafetyAssessment = Schemas['SafetyAssessment'];
export type SafetyAssessmentInput = Schemas['SafetyAssessmentInput'];
export type SafetyChecklist = Schemas['SafetyChecklist'];
export type ExemplaryPolice = Schemas['ExemplaryPolice'];
export type ExemplaryPoliceInput = Schemas['ExemplaryPoliceInput'];

export interface SafetyFilter {
  unitId?: number;
  year?: number;
  targetId?: number;
  met?: boolean;
}

const keys = {
  all: ['safety'] as const,
  list: (p: object) => ['safety', 'list', p] as const,
  detail: (id: number) => ['safety', 'detail', id] as const,
  checklist: (unitId: number, year: number) => ['safety', 'checklist', unitId, year] as const,
  police: (p: object) => ['safety', 'police', p] as const,
};

export function useSafetyAssessments(
  params: SafetyFilter & { page?: number; size?: number; sort?: string },
) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: async () =>
      (await unwrap(api.GET('/api/safety-assessments', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export function useSafetyAssessment(id: number | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () => {
      const { data, response } = await unwrap(
        api.GET('/api/safety-assessments/{id}', { params: { path: { id: id ?? 0 } } }),
      );
      return { assessment: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}

/** The target kind, period and criteria of a unit's year (the assessment form). */
export function useSafetyChecklist(unitId: number | undefined, year: number | undefined) {
  return useQuery({
    queryKey: keys.checklist(unitId ?? 0, year ?? 0),
    enabled: unitId !== undefined && year !== undefined && year >= 2000,
    retry: false,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/safety-assessments/checklist', {
            params: { query: { unitId: unitId ?? 0, year: year ?? 0 } },
          }),
        )
      ).data,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.all }),
      client.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useSaveSafetyAssessment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      id,
      etag,
      body,
    }: {
      id?: number;
      etag?: string;
      body: SafetyAssessmentInput;
    }) =>
      id
        ? (
            await unwrap(
              api.PUT('/api/safety-assessments/{id}', {
                params: { path: { id }, header: { 'If-Match': etag ?? '' } },
                body,
              }),
            )
          ).data
        : (await unwrap(api.POST('/api/safety-assessments', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useDeleteSafetyAssessment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: number; etag: string }) =>
      unwrap(
        api.DELETE('/api/safety-assessments/{id}', {
          params: { path: { id }, header: { 'If-Match': etag } },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useExemplaryPolice(params: {
  unitId?: number;
  year?: number;
  page?: number;
  size?: number;
}) {
  return useQuery({
    queryKey: keys.police(params),
    queryFn: async () =>
      (await unwrap(api.GET('/api/exemplary-police', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export function useCreateExemplaryPolice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: ExemplaryPoliceInput) =>
      (await unwrap(api.POST('/api/exemplary-police', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useDeleteExemplaryPolice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: number; etag: string }) =>
      unwrap(
        api.DELETE('/api/exemplary-police/{id}', {
          params: { path: { id }, header: { 'If-Match': etag } },
        }),
      ),
    onSuccess: invalidate,
  });
}
