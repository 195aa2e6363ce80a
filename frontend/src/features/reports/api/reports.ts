import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type ReportSummary = Schemas['ReportSummary'];
export type ReportFigures = Schemas['ReportFigures'];
export type ReportGrouping = Schemas['ReportGrouping'];

export function useReportSummary(params: {
  unitId?: number;
  from: string;
  to: string;
  groupBy?: ReportGrouping;
}) {
  const { unitId } = params;
  return useQuery({
    queryKey: ['reports', 'summary', params],
    enabled: unitId !== undefined,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/reports/summary', {
            params: { query: { ...params, unitId: unitId ?? 0 } },
          }),
        )
      ).data,
    placeholderData: (previous) => previous,
  });
}
