import { useCatalogue } from '@/lib/catalogues';
import { todayIso } from '@/lib/format';

/**
 * The model types in use today grouped by their field, as the catalogue is organised; a model's
 * own type stays offered (under "Đang dùng") after it was retired.
 */
export function useModelTypeOptions(current?: { id: number; name: string }) {
  const fields = useCatalogue('MODEL_FIELD');
  const types = useCatalogue('MODEL_TYPE', todayIso());
  const typeOptions = (fields.data ?? [])
    .map((field) => ({
      label: field.name,
      options: (types.data ?? [])
        .filter((t) => t.parent?.id === field.id)
        .map((t) => ({ value: t.id, label: t.name, title: t.name })),
    }))
    .filter((g) => g.options.length);
  if (current && !(types.data ?? []).some((t) => t.id === current.id)) {
    typeOptions.unshift({
      label: 'Đang dùng',
      options: [{ value: current.id, label: current.name, title: current.name }],
    });
  }
  return { typeOptions, loading: types.isLoading };
}
