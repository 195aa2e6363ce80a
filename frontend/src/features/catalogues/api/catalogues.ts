import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export type Catalogue = Schemas['Catalogue'];
export type CatalogueItem = Schemas['CatalogueItem'];
export type CatalogueItemInput = Schemas['CatalogueItemInput'];

export const catalogueKeys = {
  all: ['catalogues'] as const,
  list: (catalogue: Catalogue, activeOn?: string) =>
    ['catalogues', catalogue, activeOn ?? ''] as const,
};

/** A catalogue's items (all of them, or those in force on `activeOn`), cached for minutes. */
export function useCatalogue(catalogue: Catalogue, activeOn?: string) {
  return useQuery({
    queryKey: catalogueKeys.list(catalogue, activeOn),
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/catalogues/{catalogue}', {
            params: { path: { catalogue }, query: activeOn ? { activeOn } : {} },
          }),
        )
      ).data,
  });
}

export function useSaveCatalogueItem(catalogue: Catalogue) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ item, body }: { item?: CatalogueItem; body: CatalogueItemInput }) =>
      item
        ? (
            await unwrap(
              api.PUT('/api/catalogues/{catalogue}/{id}', {
                params: {
                  path: { catalogue, id: item.id },
                  header: { 'If-Match': `"${item.version}"` },
                },
                body,
              }),
            )
          ).data
        : (
            await unwrap(
              api.POST('/api/catalogues/{catalogue}', { params: { path: { catalogue } }, body }),
            )
          ).data,
    onSuccess: () => client.invalidateQueries({ queryKey: catalogueKeys.all }),
  });
}
