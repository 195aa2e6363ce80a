import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Problem, type Schemas } from '@/lib/api/client';
import { session } from '@/lib/session';

export type EventItem = Schemas['Event'];
export type EventInput = Schemas['EventInput'];
export type Programme = Schemas['Programme'];
export type ProgrammeInput = Schemas['ProgrammeInput'];
export type ProgrammeStatus = Schemas['ProgrammeStatus'];
export type Attachment = Schemas['Attachment'];

export interface EventListParams {
  q?: string;
  typeId?: number;
  programmeId?: number;
  organiserId?: number;
  unitId?: number;
  from?: string;
  to?: string;
  page?: number;
  size?: number;
  sort?: string;
}

const keys = {
  all: ['events'] as const,
  list: (p: EventListParams) => ['events', 'list', p] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  programmes: (p: object) => ['events', 'programmes', p] as const,
  programme: (id: number) => ['events', 'programme', id] as const,
};

export function useEvents(params: EventListParams, enabled = true) {
  return useQuery({
    queryKey: keys.list(params),
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/events', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

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

/**
 * Uploads a file with progress (fetch cannot report upload progress, XMLHttpRequest can). The
 * bytes go as they are; the server decides their type from their content.
 */
export function uploadAttachment(
  eventId: number,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/events/${eventId}/attachments`);
    const token = session.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) resolve(body as Attachment);
      else
        reject(
          new ApiError(
            (body as Problem | null) ?? {
              type: 'urn:antq:problem:unknown',
              title: 'Không tải lên được',
              status: xhr.status,
              detail: `Máy chủ trả về mã ${xhr.status}.`,
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'urn:antq:problem:network',
          title: 'Không kết nối được máy chủ',
          status: 0,
          detail: 'Kiểm tra kết nối mạng rồi thử lại.',
        }),
      );
    xhr.send(file);
  });
}

export function useProgrammes(params: {
  q?: string;
  unitId?: number;
  page?: number;
  size?: number;
}) {
  return useQuery({
    queryKey: keys.programmes(params),
    queryFn: async () =>
      (await unwrap(api.GET('/api/programmes', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
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
