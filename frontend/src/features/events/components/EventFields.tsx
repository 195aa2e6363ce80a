import { DatePicker, Form, type FormInstance } from 'antd';
import { useCatalogue } from '@/lib/catalogues';
import {
  FieldRow,
  NumberField,
  optionsOf,
  SelectField,
  TextAreaField,
  TextField,
  UnitField,
} from '@/components/FormFields';
import { PositionField } from '@/components/PositionField';
import { todayIso } from '@/lib/format';
import { useModelsOf, useProgrammes } from '../api/events';
import type { EventValues } from './eventForm';
import { MaterialsField } from './MaterialsField';

/** The event's fields: organisers from the unit tree, materials as typed quantities. */
export function EventFields({ form }: { form: FormInstance<EventValues> }) {
  const types = useCatalogue('EVENT_TYPE', todayIso());
  const materials = useCatalogue('MATERIAL_TYPE', todayIso());
  const programmes = useProgrammes({ size: 200 });
  const unitId = Form.useWatch('unitId', form);
  const models = useModelsOf(unitId);
  return (
    <>
      <FieldRow spans={[10, 14]}>
        <SelectField
          name="typeId"
          label="Loại sự kiện"
          required="Chọn loại sự kiện"
          loading={types.isLoading}
          options={optionsOf(types.data)}
        />
        <TextField name="title" label="Tên sự kiện" required="Nhập tên sự kiện" maxLength={500} />
      </FieldRow>
      <FieldRow spans={[12, 12]}>
        <Form.Item
          name="time"
          label="Thời gian (giờ Việt Nam)"
          rules={[{ required: true, message: 'Chọn thời gian' }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            style={{ width: '100%' }}
            placeholder={['Bắt đầu', 'Kết thúc']}
          />
        </Form.Item>
        <TextField name="location" label="Địa điểm" maxLength={500} />
      </FieldRow>
      <PositionField />
      <FieldRow spans={[12, 12]}>
        <UnitField name="unitId" label="Địa bàn diễn ra" required="Chọn địa bàn" />
        <UnitField name="leadUnitId" label="Đơn vị chủ trì" required="Chọn đơn vị chủ trì" />
      </FieldRow>
      <UnitField name="coOrganiserIds" label="Đơn vị phối hợp" multiple />
      <FieldRow spans={[12, 12]}>
        <SelectField
          name="programmeId"
          label="Thuộc chương trình phối hợp"
          ariaLabel="Chương trình phối hợp"
          allowClear
          search
          options={(programmes.data?.content ?? []).map((p) => ({
            value: p.id,
            label: `${p.number} — ${p.title}`,
            title: `${p.number} — ${p.title}`,
          }))}
        />
        <SelectField
          name="modelIds"
          label="Mô hình liên quan"
          multiple
          allowClear
          search
          placeholder={unitId ? 'Mô hình của địa bàn' : 'Chọn địa bàn trước'}
          options={optionsOf(models.data?.content)}
        />
      </FieldRow>
      <FieldRow spans={[12, 12]}>
        <NumberField name="attendance" label="Số lượt người tham dự" min={0} />
        <NumberField
          name="sessions"
          label="Số buổi"
          extra="Khi một bản ghi là cả đợt tuyên truyền"
          min={1}
        />
      </FieldRow>
      <MaterialsField materials={materials.data} />
      <TextAreaField name="outcome" label="Kết quả" rows={3} maxLength={4000} />
    </>
  );
}
