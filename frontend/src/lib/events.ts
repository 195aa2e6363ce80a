/** Events and programmes as other features list them (an award names one). */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

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

export const eventKeys = {
  all: ['events'] as const,
  list: (p: EventListParams) => ['events', 'list', p] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  programmes: (p: object) => ['events', 'programmes', p] as const,
  programme: (id: number) => ['events', 'programme', id] as const,
};

export function useEvents(params: EventListParams, enabled = true) {
  return useQuery({
    queryKey: eventKeys.list(params),
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/events', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}

export function useProgrammes(params: {
  q?: string;
  unitId?: number;
  page?: number;
  size?: number;
}) {
  return useQuery({
    queryKey: eventKeys.programmes(params),
    queryFn: async () =>
      (await unwrap(api.GET('/api/programmes', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });
}
