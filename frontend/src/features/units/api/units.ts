import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { unitKeys, type MergeRequest, type UnitInput } from '@/lib/units';

export * from '@/lib/units';

export type UnitRenameInput = Schemas['UnitRenameInput'];

export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: UnitInput) => (await unwrap(api.POST('/api/units', { body }))).data,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id: number; etag: string; body: UnitInput }) =>
      (
        await unwrap(
          api.PUT('/api/units/{id}', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useMergeUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: MergeRequest) =>
      (await unwrap(api.POST('/api/units/merge', { body }))).data,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export function useRenameUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id: number; etag: string; body: UnitRenameInput }) =>
      (
        await unwrap(
          api.POST('/api/units/{id}/rename', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body,
          }),
        )
      ).data,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

export type SplitRequest = Schemas['SplitRequest'];

export function useSplitUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: SplitRequest }) =>
      (await unwrap(api.POST('/api/units/{id}/split', { params: { path: { id } }, body }))).data,
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
