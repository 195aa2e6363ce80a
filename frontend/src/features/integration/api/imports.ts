import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { uploadFile } from '@/lib/upload';

export type ImportJob = Schemas['ImportJob'];
export type ImportResourceName =
  'units' | 'models' | 'events' | 'awards' | 'indicator-reports' | 'exemplary-police';
export type ImportMode = 'all' | 'partial';

export const RESOURCE_LABELS: Record<ImportResourceName, string> = {
  units: 'Đơn vị, địa bàn',
  models: 'Mô hình',
  events: 'Sự kiện',
  awards: 'Khen thưởng',
  'indicator-reports': 'Số liệu (kỳ báo cáo)',
  'exemplary-police': 'Công an phường điển hình',
};

const keys = {
  jobs: ['import-jobs'] as const,
  job: (id: number) => ['import-jobs', id] as const,
};

export function isRunning(job?: ImportJob) {
  return job?.state === 'QUEUED' || job?.state === 'RUNNING';
}

/** One job, asked again every half second while it runs. */
export function useImportJob(id?: number) {
  return useQuery({
    queryKey: keys.job(id ?? 0),
    enabled: id !== undefined,
    queryFn: async () =>
      (await unwrap(api.GET('/api/import-jobs/{id}', { params: { path: { id: id ?? 0 } } }))).data,
    refetchInterval: (q) => (isRunning(q.state.data) ? 500 : false),
  });
}

export function useImportJobs(page: number, size: number, refresh: boolean) {
  return useQuery({
    queryKey: [...keys.jobs, page, size],
    queryFn: async () =>
      (await unwrap(api.GET('/api/import-jobs', { params: { query: { page, size } } }))).data,
    refetchInterval: refresh ? 1000 : false,
  });
}

/** Uploads a CSV/XLSX file as a preview (dry run) job. */
export function uploadPreview(
  resource: ImportResourceName,
  mode: ImportMode,
  file: File,
  onProgress: (percent: number) => void,
): Promise<ImportJob> {
  const query = new URLSearchParams({ resource, mode, dryRun: 'true' });
  return uploadFile<ImportJob>(`/api/import-jobs/file?${query}`, file, 202, onProgress);
}

export async function applyPreview(id: number, key: string): Promise<ImportJob> {
  const { data } = await unwrap(
    api.POST('/api/import-jobs/{id}/apply', {
      params: { path: { id }, header: { 'Idempotency-Key': key } },
    }),
  );
  return data;
}

export async function downloadTemplate(resource: ImportResourceName) {
  return api.GET('/api/imports/{resource}/template.csv', {
    params: { path: { resource } },
    parseAs: 'blob',
  });
}
