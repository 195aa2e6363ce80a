import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { newOutboxId } from '@/lib/outbox';
import { submit } from '@/lib/outboxSync';

export type IndicatorReport = Schemas['IndicatorReport'];
export type IndicatorReportInput = Schemas['IndicatorReportInput'];
export type IndicatorReportStatus = Schemas['IndicatorReportStatus'];
export type IndicatorValueInput = Schemas['IndicatorValueInput'];
export type PeriodKind = Schemas['PeriodKind'];
export type IndicatorAction = Schemas['IndicatorReportTransition']['action'];

export const STATUS_LABELS: Record<IndicatorReportStatus, string> = {
  DRAFT: 'Nháp',
  SUBMITTED: 'Chờ duyệt',
  RETURNED: 'Bị trả lại',
  APPROVED: 'Đã duyệt',
  SUPERSEDED: 'Đã thay bằng bản điều chỉnh',
};

export const STATUS_COLORS: Record<IndicatorReportStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  RETURNED: 'warning',
  APPROVED: 'success',
  SUPERSEDED: 'default',
};

export interface IndicatorFilter {
  unitId?: number;
  status?: IndicatorReportStatus;
  year?: number;
  awaitingMe?: boolean;
}

const keys = {
  all: ['indicator-reports'] as const,
  list: (p: object) => ['indicator-reports', 'list', p] as const,
  detail: (id: number) => ['indicator-reports', 'detail', id] as const,
  revisions: (id: number) => ['indicator-reports', 'revisions', id] as const,
};

export function useIndicatorReports(
  params: IndicatorFilter & { page?: number; size?: number; sort?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: keys.list(params),
    enabled,
    queryFn: async () =>
      (await unwrap(api.GET('/api/indicator-reports', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export function useIndicatorReport(id: number | undefined) {
  return useQuery({
    queryKey: keys.detail(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () => {
      const { data, response } = await unwrap(
        api.GET('/api/indicator-reports/{id}', { params: { path: { id: id ?? 0 } } }),
      );
      return { report: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });
}

export function useIndicatorRevisions(id: number | undefined) {
  return useQuery({
    queryKey: keys.revisions(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/indicator-reports/{id}/revisions', { params: { path: { id: id ?? 0 } } }),
        )
      ).data,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: keys.all }),
      // approved figures change the reports and the dashboard
      client.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

export function useCreateIndicatorReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: IndicatorReportInput) =>
      (await unwrap(api.POST('/api/indicator-reports', { body }))).data,
    onSuccess: invalidate,
  });
}

export function useSaveIndicatorValues() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      id,
      etag,
      note,
      values,
      queueAs,
    }: {
      id: number;
      etag: string;
      note?: string;
      values: IndicatorValueInput[];
      /** a draft: kept on the device and sent when there is a connection (null: queued) */
      queueAs?: { user: string; label: string };
    }): Promise<IndicatorReport | null> =>
      queueAs
        ? ((await submit({
            id: newOutboxId(),
            user: queueAs.user,
            kind: 'figures',
            label: queueAs.label,
            createdAt: new Date().toISOString(),
            request: {
              method: 'PUT',
              url: `/api/indicator-reports/${id}`,
              body: { note, values },
              etag,
            },
            photos: [],
            state: 'waiting',
            link: `/so-lieu/${id}`,
          })) as IndicatorReport | null)
        : (
            await unwrap(
              api.PUT('/api/indicator-reports/{id}', {
                params: { path: { id }, header: { 'If-Match': etag } },
                body: { note, values },
              }),
            )
          ).data,
    onSuccess: () => void invalidate(),
  });
}

export function useIndicatorTransition() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({
      id,
      etag,
      action,
      comment,
    }: {
      id: number;
      etag: string;
      action: IndicatorAction;
      comment?: string;
    }) =>
      (
        await unwrap(
          api.POST('/api/indicator-reports/{id}/transitions', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body: { action, comment },
          }),
        )
      ).data,
    onSuccess: invalidate,
  });
}

export function useReviseIndicatorReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag, reason }: { id: number; etag: string; reason: string }) =>
      (
        await unwrap(
          api.POST('/api/indicator-reports/{id}/revisions', {
            params: { path: { id }, header: { 'If-Match': etag } },
            body: { reason },
          }),
        )
      ).data,
    onSuccess: invalidate,
  });
}

export function useDeleteIndicatorReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: number; etag: string }) =>
      unwrap(
        api.DELETE('/api/indicator-reports/{id}', {
          params: { path: { id }, header: { 'If-Match': etag } },
        }),
      ),
    onSuccess: invalidate,
  });
}
