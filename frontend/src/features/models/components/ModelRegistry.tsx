import { Col } from 'antd';
import { DateRangeFilter, FilterCard, SearchFilter, SelectFilter } from '@/components/ListFilters';
import { PagedTable } from '@/components/PagedTable';
import { UnitPicker } from '@/components/UnitPicker';
import { useCatalogue } from '@/lib/catalogues';
import type { ListPageState } from '@/lib/useListPage';
import { useNavigate } from 'react-router';
import { useModelList, type ModelStatus, type RecognitionLevel } from '../api/models';
import { options, RECOGNITION_LABELS, STATUS_LABELS } from '../labels';
import { modelColumns } from './modelColumns';

/** The register's filters as the API reads them (the list and its export alike). */
export function modelFilters(p: ListPageState) {
  return {
    q: p.text('q'),
    fieldId: p.id('fieldId'),
    typeId: p.id('typeId'),
    status: p.all<ModelStatus>('status'),
    ethnicGroupId: p.id('ethnicGroupId'),
    religionId: p.id('religionId'),
    recognitionLevel: p.text('recognitionLevel') as RecognitionLevel | undefined,
    unitId: p.id('unitId'),
    establishedFrom: p.text('from'),
    establishedTo: p.text('to'),
  };
}

/** The register: its filters above the list of models. */
export function ModelRegistry({ page }: { page: ListPageState }) {
  const params = page;
  const { setFilter, setMany } = page;
  const navigate = useNavigate();
  const fields = useCatalogue('MODEL_FIELD');
  const types = useCatalogue('MODEL_TYPE');
  const ethnicGroups = useCatalogue('ETHNIC_GROUP');
  const religions = useCatalogue('RELIGION');
  const fieldId = page.id('fieldId');
  const unitId = page.id('unitId');
  const list = useModelList({ ...modelFilters(page), ...page.paging, sort: page.state.sort });
  const typeOptions = (types.data ?? [])
    .filter((t) => !fieldId || t.parent?.id === fieldId)
    .map((t) => ({ value: String(t.id), label: t.name }));
  return (
    <>
      <FilterCard>
        <SearchFilter
          table={params}
          label="Tìm mô hình"
          placeholder="Tên mô hình hoặc thành viên (không cần dấu)"
        />
        <Col xs={24} md={8}>
          <UnitPicker
            aria-label="Địa bàn"
            placeholder="Địa bàn: mọi đơn vị trong phạm vi của bạn"
            value={unitId}
            onChange={(v) => setFilter('unitId', v === undefined ? undefined : String(v))}
          />
        </Col>
        <SelectFilter
          table={params}
          name="status"
          label="Trạng thái"
          placeholder="Mọi trạng thái"
          multiple
          options={options(STATUS_LABELS)}
          md={8}
        />
        <SelectFilter
          table={params}
          name="fieldId"
          label="Lĩnh vực"
          placeholder="Mọi lĩnh vực"
          loading={fields.isLoading}
          options={(fields.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          onChange={(v) => setMany({ fieldId: v, typeId: undefined })}
        />
        <SelectFilter
          table={params}
          name="typeId"
          label="Loại mô hình"
          placeholder="Mọi loại mô hình"
          searchable
          loading={types.isLoading}
          options={typeOptions}
        />
        <SelectFilter
          table={params}
          name="recognitionLevel"
          label="Điển hình"
          placeholder="Điển hình: không lọc"
          options={(Object.keys(RECOGNITION_LABELS) as RecognitionLevel[]).map((l) => ({
            value: l,
            label: `${RECOGNITION_LABELS[l]} trở lên`,
          }))}
        />
        <SelectFilter
          table={params}
          name="ethnicGroupId"
          label="Dân tộc"
          placeholder="Cộng đồng dân tộc: không lọc"
          searchable
          loading={ethnicGroups.isLoading}
          options={(ethnicGroups.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
        />
        <SelectFilter
          table={params}
          name="religionId"
          label="Tôn giáo"
          placeholder="Cộng đồng tôn giáo: không lọc"
          searchable
          loading={religions.isLoading}
          options={(religions.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
        />
        <DateRangeFilter
          table={params}
          label="Thành lập trong khoảng"
          placeholders={['Thành lập từ ngày', 'đến ngày']}
        />
      </FilterCard>
      <PagedTable
        query={list}
        columns={modelColumns(page.sortOrderOf)}
        paging={page.paging}
        onChange={page.onChange}
        noun="mô hình"
        empty="Không có mô hình phù hợp"
        openOn="doubleClick"
        onOpen={(m) => void navigate(`/mo-hinh/${m.id}`)}
      />
    </>
  );
}
