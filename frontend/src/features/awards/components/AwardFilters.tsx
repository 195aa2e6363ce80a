import { Col } from 'antd';
import { DateRangeFilter, FilterCard, SearchFilter, SelectFilter } from '@/components/ListFilters';
import { UnitPicker } from '@/components/UnitPicker';
import { useCatalogue } from '@/lib/catalogues';
import type { ListPageState } from '@/lib/useListPage';
import { RECIPIENT_KIND_LABELS, type RecipientKind } from '../api/awards';

/** The list's filters as the API reads them (the list, its counts and its export alike). */
export function awardFilters(p: ListPageState) {
  return {
    q: p.text('q'),
    formId: p.id('formId'),
    typeId: p.id('typeId'),
    authorityId: p.id('authorityId'),
    recipientKind: p.text('kind') as RecipientKind | undefined,
    unitId: p.id('unitId'),
    from: p.text('from'),
    to: p.text('to'),
  };
}

const options = (items?: { id: number; name: string }[]) =>
  (items ?? []).map((i) => ({ value: String(i.id), label: i.name }));

/** Words, form, type, authority, kind of recipient, their territory and the decision's days. */
export function AwardFilters({ page }: { page: ListPageState }) {
  const forms = useCatalogue('AWARD_FORM');
  const types = useCatalogue('AWARD_TYPE');
  const authorities = useCatalogue('AWARD_AUTHORITY');
  return (
    <FilterCard>
      <SearchFilter
        table={page}
        label="Tìm khen thưởng"
        placeholder="Tên tập thể, cá nhân hoặc số quyết định (không cần dấu)"
      />
      <SelectFilter
        table={page}
        name="formId"
        label="Hình thức"
        placeholder="Mọi hình thức"
        options={options(forms.data)}
        md={4}
      />
      <SelectFilter
        table={page}
        name="typeId"
        label="Loại khen thưởng"
        placeholder="Mọi loại"
        options={options(types.data)}
        md={4}
      />
      <SelectFilter
        table={page}
        name="authorityId"
        label="Cấp khen thưởng"
        placeholder="Mọi cấp khen"
        options={options(authorities.data)}
        md={4}
      />
      <SelectFilter
        table={page}
        name="kind"
        label="Đối tượng"
        placeholder="Tập thể và cá nhân"
        options={(['COLLECTIVE', 'INDIVIDUAL'] as const).map((k) => ({
          value: k,
          label: RECIPIENT_KIND_LABELS[k],
        }))}
        md={4}
      />
      <Col xs={24} md={8}>
        <UnitPicker
          aria-label="Địa bàn người được khen"
          placeholder="Địa bàn người được khen: mọi đơn vị"
          value={page.id('unitId')}
          onChange={(v) => page.setFilter('unitId', v === undefined ? undefined : String(v))}
        />
      </Col>
      <DateRangeFilter
        table={page}
        label="Ngày quyết định"
        placeholders={['Quyết định từ ngày', 'đến ngày']}
        md={8}
      />
    </FilterCard>
  );
}
