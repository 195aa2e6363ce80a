import { FieldRow, SelectField } from '@/components/FormFields';
import { useCatalogue } from '@/lib/catalogues';

/** The community a model serves, where it serves one: an ethnic group, a religion (both optional). */
export function ModelCommunityFields() {
  const ethnicGroups = useCatalogue('ETHNIC_GROUP');
  const religions = useCatalogue('RELIGION');
  const opts = (items?: { id: number; name: string }[]) =>
    (items ?? []).map((x) => ({ value: x.id, label: x.name }));
  return (
    <FieldRow spans={[12, 12]}>
      <SelectField
        name="ethnicGroupId"
        label="Cộng đồng dân tộc (nếu có)"
        placeholder="Ví dụ: Dân tộc Khmer"
        options={opts(ethnicGroups.data)}
        loading={ethnicGroups.isLoading}
        allowClear
        search
      />
      <SelectField
        name="religionId"
        label="Cộng đồng tôn giáo (nếu có)"
        placeholder="Ví dụ: Công giáo"
        options={opts(religions.data)}
        loading={religions.isLoading}
        allowClear
        search
      />
    </FieldRow>
  );
}
