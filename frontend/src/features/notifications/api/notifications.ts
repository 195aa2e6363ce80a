import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Notification = Schemas['Notification'];
export type NotificationKind = Schemas['NotificationKind'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type NotificationPreferencesInput = Schemas['NotificationPreferencesInput'];
type Count = Schemas['NotificationCount'];

const keys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** How often the bell asks; an answer costs a 304 while nothing is new. */
export const POLL_MS = 20_000;

let lastTag: string | undefined;
let lastCount: Count | undefined;

/**
 * The unread count, asked again every {@link POLL_MS} (and when the window regains focus) with
 * the last ETag: the server answers 304 without a body while nothing changed. A new notification
 * (the latest id moves) refreshes the lists.
 */
export function useUnreadCount(enabled = true) {
  const client = useQueryClient();
  return useQuery({
    queryKey: keys.unread,
    enabled,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    queryFn: async (): Promise<Count> => {
      const { data, response } = await api.GET('/api/notifications/unread', {
        params: { header: lastTag && lastCount ? { 'If-None-Match': lastTag } : {} },
      });
      if (response.status === 304 && lastCount) return lastCount;
      if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
      if (lastCount && lastCount.latestId !== data.latestId) {
        void client.invalidateQueries({ queryKey: ['notifications', 'list'] });
      }
      lastTag = response.headers.get('ETag') ?? undefined;
      lastCount = data;
      return data;
    },
  });
}

/** The person's notifications, newest first, a page at a time (keyset cursor). */
export function useNotifications(unreadOnly: boolean, size = 20) {
  return useInfiniteQuery({
    queryKey: keys.list(unreadOnly),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (
        await unwrap(
          api.GET('/api/notifications', {
            params: { query: { size, unreadOnly, after: pageParam } },
          }),
        )
      ).data,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

/** Marks read what was shown: up to the newest id on screen, not what arrived since. */
export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (upToId?: number) =>
      unwrap(api.POST('/api/notifications/read-all', { params: { query: { upToId } } })),
    onSuccess: refresh,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: keys.preferences,
    queryFn: async () => {
      const { data, response } = await unwrap(api.GET('/api/notifications/preferences'));
      return { data, etag: response.headers.get('ETag') ?? '"0"' };
    },
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: NotificationPreferencesInput; etag: string }) =>
      unwrap(
        api.PUT('/api/notifications/preferences', {
          params: { header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.preferences }),
  });
}
