/** Catalogues as every feature reads them (cached for minutes). */
import { useQuery } from '@tanstack/react-query';
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
