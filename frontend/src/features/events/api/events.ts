import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { uploadFile } from '@/lib/upload';
import { eventKeys as keys } from '@/lib/events';

export * from '@/lib/events';

export type EventItem = Schemas['Event'];
export type EventInput = Schemas['EventInput'];
export type Programme = Schemas['Programme'];
export type ProgrammeInput = Schemas['ProgrammeInput'];
export type ProgrammeStatus = Schemas['ProgrammeStatus'];
export type Attachment = Schemas['Attachment'];

export function useEvent(id: number | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () => {
      const { data, response } = await unwrap(
        api.GET('/api/events/{id}', { params: { path: { id: id ?? 0 } } }),
      );
      return { event: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useSaveEvent() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag, body }: { id?: number; etag?: string; body: EventInput }) =>
      id
        ? (
            await unwrap(
              api.PUT('/api/events/{id}', {
                params: { path: { id }, header: { 'If-Match': etag ?? '' } },
                body,
              }),
            )
          ).data
        : (await unwrap(api.POST('/api/events', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useDeleteEvent() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: number; etag: string }) =>
      unwrap(
        api.DELETE('/api/events/{id}', { params: { path: { id }, header: { 'If-Match': etag } } }),
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteAttachment(eventId: number) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (attachmentId: number) =>
      unwrap(
        api.DELETE('/api/events/{id}/attachments/{attachmentId}', {
          params: { path: { id: eventId, attachmentId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Uploads an attachment with progress; the server decides its type from its content. */
export function uploadAttachment(
  eventId: number,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Attachment> {
  return uploadFile<Attachment>(`/api/events/${eventId}/attachments`, file, 201, onProgress);
}

export function useProgramme(id: number | undefined) {
  return useQuery({
    queryKey: keys.programme(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () =>
      (await unwrap(api.GET('/api/programmes/{id}', { params: { path: { id: id ?? 0 } } }))).data,
  });
}

export function useSaveProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ programme, body }: { programme?: Programme; body: ProgrammeInput }) =>
      programme
        ? (
            await unwrap(
              api.PUT('/api/programmes/{id}', {
                params: {
                  path: { id: programme.id },
                  header: { 'If-Match': `"${programme.version}"` },
                },
                body,
              }),
            )
          ).data
        : (await unwrap(api.POST('/api/programmes', { body }))).data,
    onSuccess: invalidate,
  });
}

export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
  IN_FORCE: 'Đang thực hiện',
  REVIEWED: 'Đã sơ kết',
  ENDED: 'Đã kết thúc',
  RENEWED: 'Đã được thay thế',
};

/** The models of a place (the first 200), to link an event to them. */
export function useModelsOf(unitId: number | undefined) {
  return useQuery({
    queryKey: ['models', 'for-event', unitId ?? 0],
    enabled: unitId !== undefined,
    queryFn: async () =>
      (await unwrap(api.GET('/api/models', { params: { query: { unitId, size: 200 } } }))).data,
  });
}
