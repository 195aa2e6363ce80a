import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type ReportSummary = Schemas['ReportSummary'];
export type ReportFigures = Schemas['ReportFigures'];
export type ReportGrouping = Schemas['ReportGrouping'];

/**
 * The summary of a territory and period; without a unit, the user's own territory (the whole
 * country for administrators).
 */
export function useReportSummary(params: {
  unitId?: number;
  from: string;
  to: string;
  groupBy?: ReportGrouping;
  asOf?: string;
  depth?: number;
}) {
  return useQuery({
    queryKey: ['reports', 'summary', params],
    queryFn: async () =>
      (await unwrap(api.GET('/api/reports/summary', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export type ReportReporting = Schemas['ReportReporting'];

/**
 * The reporting-rate line beside a report ("Tháng 6/2025: 28/30 xã, phường báo cáo đúng hạn …"),
 * or null when no month of the range is due yet.
 */
export function useReportingLine(params: { unitId?: number; from: string; to: string }) {
  return useQuery({
    queryKey: ['reporting', 'summary-line', params],
    queryFn: async () =>
      (await unwrap(api.GET('/api/reporting/summary-line', { params: { query: params } }))).data ??
      null,
  });
}
