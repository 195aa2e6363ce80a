import { App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
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
import { todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useModelsOf, useProgrammes, useSaveEvent, type EventItem } from '../api/events';
import { MaterialsField } from './MaterialsField';

interface Values {
  typeId: number;
  title: string;
  time: [Dayjs, Dayjs];
  location?: string;
  unitId: number;
  leadUnitId: number;
  coOrganiserIds?: number[];
  programmeId?: number;
  modelIds?: number[];
  attendance?: number;
  sessions?: number;
  materials?: { materialTypeId: number; quantity: number }[];
  outcome?: string;
}

/** Ghi nhận / sửa sự kiện: organisers from the unit tree, materials as typed quantities. */
export function EventFormDialog({
  editing,
  initialDay,
  onClose,
}: {
  editing?: { event: EventItem; etag: string };
  initialDay?: Dayjs;
  onClose: (savedId?: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const save = useSaveEvent();
  const types = useCatalogue('EVENT_TYPE', todayIso());
  const materials = useCatalogue('MATERIAL_TYPE', todayIso());
  const programmes = useProgrammes({ size: 200 });
  const unitId = Form.useWatch('unitId', form);
  const models = useModelsOf(unitId);
  const e = editing?.event;

  const submit = async (v: Values) => {
    setError(undefined);
    try {
      const saved = await save.mutateAsync({
        id: e?.id,
        etag: editing?.etag,
        body: {
          typeId: v.typeId,
          title: v.title,
          startsAt: v.time[0].format(),
          endsAt: v.time[1].format(),
          location: v.location || undefined,
          unitId: v.unitId,
          leadUnitId: v.leadUnitId,
          coOrganiserIds: v.coOrganiserIds ?? [],
          programmeId: v.programmeId,
          modelIds: v.modelIds ?? [],
          attendance: v.attendance ?? undefined,
          sessions: v.sessions ?? undefined,
          materials: (v.materials ?? []).filter((m) => m?.materialTypeId !== undefined),
          outcome: v.outcome || undefined,
        },
      });
      message.success(e ? 'Đã lưu sự kiện' : `Đã ghi nhận «${saved.title}»`);
      onClose(saved.id);
    } catch (err) {
      if (!applyViolations(form, err)) setError(problemMessage(err));
    }
  };

  return (
    <FormDialog
      title={e ? `Sửa sự kiện: ${e.title}` : 'Ghi nhận sự kiện'}
      okText={e ? 'Lưu' : 'Ghi nhận'}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      busy={save.isPending}
      width={820}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues(e, initialDay ?? dayjs())}
      >
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
      </Form>
    </FormDialog>
  );
}

/** The form's values: those of the event edited, or a morning on the day chosen. */
function initialValues(e: EventItem | undefined, day: Dayjs): Partial<Values> {
  if (!e) {
    return {
      time: [day.hour(7).minute(30).second(0), day.hour(11).minute(0).second(0)],
      sessions: 1,
    };
  }
  return {
    typeId: e.type.id,
    title: e.title,
    time: [dayjs(e.startsAt), dayjs(e.endsAt)],
    location: e.location,
    unitId: e.unit.id,
    leadUnitId: e.lead.id,
    coOrganiserIds: e.coOrganisers.map((u) => u.id),
    programmeId: e.programme?.id,
    modelIds: e.models.map((m) => m.id),
    attendance: e.attendance,
    sessions: e.sessions,
    materials: e.materials.map((m) => ({ materialTypeId: m.material.id, quantity: m.quantity })),
    outcome: e.outcome,
  };
}
