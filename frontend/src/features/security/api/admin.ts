import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type User = Schemas['User'];
export type UserInput = Schemas['UserInput'];
export type UserUpdate = Schemas['UserUpdate'];
export type ApiKey = Schemas['ApiKey'];
export type ApiKeyInput = Schemas['ApiKeyInput'];

export const adminKeys = {
  users: (q: string, page: number, size: number) => ['admin', 'users', q, page, size] as const,
  apiKeys: ['admin', 'api-keys'] as const,
};

export const usersQuery = (q: string, page: number, size: number) =>
  queryOptions({
    queryKey: adminKeys.users(q, page, size),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/users', { params: { query: { q: q || undefined, page, size } } }),
        )
      ).data,
    placeholderData: (previous) => previous,
  });

export const apiKeysQuery = () =>
  queryOptions({
    queryKey: adminKeys.apiKeys,
    queryFn: async () => (await unwrap(api.GET('/api/api-keys'))).data,
  });

export function useUsers(q: string, page: number, size: number) {
  return useQuery(usersQuery(q, page, size));
}

export function useApiKeys() {
  return useQuery(apiKeysQuery());
}

function useInvalidate(key: readonly string[]) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}

export function useCreateUser() {
  const invalidate = useInvalidate(['admin', 'users']);
  return useMutation({
    mutationFn: async (body: UserInput) => (await unwrap(api.POST('/api/users', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate(['admin', 'users']);
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: UserUpdate }) =>
      (
        await unwrap(
          api.PUT('/api/users/{id}', {
            params: { path: { id }, header: { 'If-Match': `"${version}"` } },
            body,
          }),
        )
      ).data,
    onSuccess: invalidate,
  });
}

export function useCreateApiKey() {
  const invalidate = useInvalidate(adminKeys.apiKeys);
  return useMutation({
    mutationFn: async (body: ApiKeyInput) =>
      (await unwrap(api.POST('/api/api-keys', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useRevokeApiKey() {
  const invalidate = useInvalidate(adminKeys.apiKeys);
  return useMutation({
    mutationFn: async (id: number) =>
      (await unwrap(api.POST('/api/api-keys/{id}/revoke', { params: { path: { id } } }))).data,
    onSuccess: invalidate,
  });
}
