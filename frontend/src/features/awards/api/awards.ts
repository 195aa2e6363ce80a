import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Award = Schemas['Award'];
export type AwardInput = Schemas['AwardInput'];
export type AwardRecipient = Schemas['AwardRecipient'];
export type AwardRecipientInput = Schemas['AwardRecipientInput'];
export type AwardRecipientHit = Schemas['AwardRecipientHit'];
export type AwardPower = Schemas['AwardPower'];
export type AwardPowerInput = Schemas['AwardPowerInput'];
export type RecipientKind = Schemas['RecipientKind'];

export interface AwardFilter {
  q?: string;
  formId?: number;
  typeId?: number;
  authorityId?: number;
  recipientKind?: RecipientKind;
  unitId?: number;
  from?: string;
  to?: string;
}

export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
  COLLECTIVE: 'Tập thể',
  INDIVIDUAL: 'Cá nhân',
};

const keys = {
  all: ['awards'] as const,
  list: (p: object) => ['awards', 'list', p] as const,
  counts: (p: object) => ['awards', 'counts', p] as const,
  detail: (id: number) => ['awards', 'detail', id] as const,
  recipients: (p: object) => ['awards', 'recipients', p] as const,
  powers: ['awards', 'powers'] as const,
};

export function useAwards(params: AwardFilter & { page?: number; size?: number; sort?: string }) {
  return useQuery({
    queryKey: keys.list(params),
    queryFn: async () => (await unwrap(api.GET('/api/awards', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export function useAwardCounts(params: AwardFilter) {
  return useQuery({
    queryKey: keys.counts(params),
    queryFn: async () =>
      (await unwrap(api.GET('/api/awards/counts', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export function useAward(id: number | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () => {
      const { data, response } = await unwrap(
        api.GET('/api/awards/{id}', { params: { path: { id: id ?? 0 } } }),
      );
      return { award: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}

/** Who received what, newest first: the awards tab of a unit, a model or a member. */
export function useAwardRecipients(params: {
  unitId?: number;
  modelId?: number;
  memberId?: number;
  q?: string;
  page?: number;
  size?: number;
}) {
  return useQuery({
    queryKey: keys.recipients(params),
    queryFn: async () =>
      (await unwrap(api.GET('/api/award-recipients', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useSaveAward() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id?: number; etag?: string; body: AwardInput }) =>
      id
        ? (
            await unwrap(
              api.PUT('/api/awards/{id}', {
                params: { path: { id }, header: { 'If-Match': etag ?? '' } },
                body,
              }),
            )
          ).data
        : (await unwrap(api.POST('/api/awards', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useDeleteAward() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: number; etag: string }) =>
      unwrap(
        api.DELETE('/api/awards/{id}', { params: { path: { id }, header: { 'If-Match': etag } } }),
      ),
    onSuccess: invalidate,
  });
}

export function useAwardPowers() {
  return useQuery({
    queryKey: keys.powers,
    queryFn: async () => (await unwrap(api.GET('/api/award-powers', {}))).data,
    staleTime: 5 * 60_000,
  });
}

export function useSaveAwardPower() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ power, body }: { power?: AwardPower; body: AwardPowerInput }) =>
      power
        ? (
            await unwrap(
              api.PUT('/api/award-powers/{id}', {
                params: { path: { id: power.id }, header: { 'If-Match': `"${power.version}"` } },
                body,
              }),
            )
          ).data
        : (await unwrap(api.POST('/api/award-powers', { body }))).data,
    onSuccess: invalidate,
  });
}
