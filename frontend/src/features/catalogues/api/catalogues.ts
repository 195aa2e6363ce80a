import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import {
  catalogueKeys,
  type Catalogue,
  type CatalogueItem,
  type CatalogueItemInput,
} from '@/lib/catalogues';

export * from '@/lib/catalogues';

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
