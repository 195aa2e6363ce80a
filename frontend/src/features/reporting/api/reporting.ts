import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Completeness = Schemas['ReportingCompleteness'];
export type CompletenessRow = Schemas['ReportingRow'];
export type CompletenessCell = Schemas['ReportingCell'];
export type ReportingCounts = Schemas['ReportingCounts'];
export type ReportingState = Schemas['ReportingState'];
export type ReportingMissing = Schemas['ReportingMissing'];
export type ReportingDeadline = Schemas['ReportingDeadline'];
export type ReportingDeadlineInput = Schemas['ReportingDeadlineInput'];
export type PeriodKind = Schemas['PeriodKind'];

export interface CompletenessParams {
  unitId?: number;
  periodKind: PeriodKind;
  from: string;
  to: string;
}

const keys = {
  all: ['reporting'] as const,
  completeness: (p: CompletenessParams) => ['reporting', 'completeness', p] as const,
  deadlines: (provinceId?: number) => ['reporting', 'deadlines', provinceId ?? 0] as const,
};

/** Who has reported in a territory over a range of periods (at most 24). */
export function useCompleteness(params: CompletenessParams, enabled = true) {
  return useQuery({
    queryKey: keys.completeness(params),
    enabled,
    queryFn: async () =>
      (await unwrap(api.GET('/api/reporting/completeness', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

/** The national deadlines and a province's own (by default the user's province). */
export function useDeadlines(provinceId?: number) {
  return useQuery({
    queryKey: keys.deadlines(provinceId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/reporting/deadlines', {
            params: { query: provinceId ? { provinceId } : {} },
          }),
        )
      ).data,
  });
}

export function useCreateDeadline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReportingDeadlineInput) =>
      (await unwrap(api.POST('/api/reporting/deadlines', { body }))).data,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** "87 %" of a rate 0–1; a dash when nothing was due. */
export function percent(rate: number | undefined): string {
  return rate === undefined ? '—' : `${Math.round(rate * 100)} %`;
}
