/** Units as every feature reads them: types, query keys and the list, detail and children queries. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Unit = Schemas['Unit'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitInput = Schemas['UnitInput'];
export type UnitKind = Schemas['UnitKind'];
export type UnitPage = Schemas['UnitPage'];
export type MergeRequest = Schemas['MergeRequest'];

export interface UnitListParams {
  q?: string;
  kind?: UnitKind[];
  parentId?: number;
  ancestorId?: number;
  topLevel?: boolean;
  activeOn?: string;
  page?: number;
  size?: number;
  sort?: string;
}

export const unitKeys = {
  all: ['units'] as const,
  list: (params: UnitListParams) => ['units', 'list', params] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
  children: (id: number, activeOn?: string) => ['units', 'children', id, activeOn ?? ''] as const,
};

export const unitListQuery = (params: UnitListParams) =>
  queryOptions({
    queryKey: unitKeys.list(params),
    queryFn: async () => (await unwrap(api.GET('/api/units', { params: { query: params } }))).data,
    placeholderData: (previous) => previous,
  });

export const unitDetailQuery = (id: number) =>
  queryOptions({
    queryKey: unitKeys.detail(id),
    queryFn: async () => {
      const { data, response } = await unwrap(
        api.GET('/api/units/{id}', { params: { path: { id } } }),
      );
      return { unit: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
    },
  });

export const unitChildrenQuery = (id: number, activeOn?: string) =>
  queryOptions({
    queryKey: unitKeys.children(id, activeOn),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/units/{id}/children', {
            params: { path: { id }, query: activeOn ? { activeOn } : {} },
          }),
        )
      ).data,
  });

export function useUnitList(params: UnitListParams) {
  return useQuery(unitListQuery(params));
}

export function useUnitDetail(id: number | undefined) {
  return useQuery({ ...unitDetailQuery(id ?? 0), enabled: id !== undefined });
}
