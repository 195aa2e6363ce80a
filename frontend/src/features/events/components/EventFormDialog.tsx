import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { useCatalogue } from '@/lib/catalogues';
import { UnitPicker } from '@/components/UnitPicker';
import { api, unwrap } from '@/lib/api/client';
import { todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useProgrammes, useSaveEvent, type EventItem } from '../api/events';

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
  const models = useQuery({
    queryKey: ['models', 'for-event', unitId ?? 0],
    enabled: unitId !== undefined,
    queryFn: async () =>
      (await unwrap(api.GET('/api/models', { params: { query: { unitId, size: 200 } } }))).data,
  });
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

  const day = initialDay ?? dayjs();
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
        initialValues={
          e
            ? {
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
                materials: e.materials.map((m) => ({
                  materialTypeId: m.material.id,
                  quantity: m.quantity,
                })),
                outcome: e.outcome,
              }
            : {
                time: [day.hour(7).minute(30).second(0), day.hour(11).minute(0).second(0)],
                sessions: 1,
              }
        }
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="typeId"
              label="Loại sự kiện"
              rules={[{ required: true, message: 'Chọn loại sự kiện' }]}
            >
              <Select
                aria-label="Loại sự kiện"
                loading={types.isLoading}
                options={(types.data ?? []).map((t) => ({
                  value: t.id,
                  label: t.name,
                  title: t.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="title"
              label="Tên sự kiện"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên sự kiện' }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
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
          </Col>
          <Col span={12}>
            <Form.Item name="location" label="Địa điểm">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="unitId"
              label="Địa bàn diễn ra"
              rules={[{ required: true, message: 'Chọn địa bàn' }]}
            >
              <UnitPicker aria-label="Địa bàn diễn ra" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="leadUnitId"
              label="Đơn vị chủ trì"
              rules={[{ required: true, message: 'Chọn đơn vị chủ trì' }]}
            >
              <UnitPicker aria-label="Đơn vị chủ trì" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="coOrganiserIds" label="Đơn vị phối hợp">
          <UnitPicker multiple aria-label="Đơn vị phối hợp" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="programmeId" label="Thuộc chương trình phối hợp">
              <Select
                aria-label="Chương trình phối hợp"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(programmes.data?.content ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.number} — ${p.title}`,
                  title: `${p.number} — ${p.title}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="modelIds" label="Mô hình liên quan">
              <Select
                aria-label="Mô hình liên quan"
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={unitId ? 'Mô hình của địa bàn' : 'Chọn địa bàn trước'}
                options={(models.data?.content ?? []).map((m) => ({
                  value: m.id,
                  label: m.name,
                  title: m.name,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="attendance" label="Số lượt người tham dự">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="sessions"
              label="Số buổi"
              extra="Khi một bản ghi là cả đợt tuyên truyền"
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <Form.Item label="Tài liệu, vật phẩm tuyên truyền">
              {fields.map((field) => (
                <Space
                  key={field.key}
                  align="baseline"
                  style={{ display: 'flex', marginBottom: 4 }}
                >
                  <Form.Item
                    name={[field.name, 'materialTypeId']}
                    rules={[{ required: true, message: 'Chọn loại' }]}
                    noStyle
                  >
                    <Select
                      aria-label="Loại tài liệu"
                      style={{ width: 320 }}
                      options={(materials.data ?? []).map((m) => ({
                        value: m.id,
                        label: m.name,
                        title: m.name,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[{ required: true, message: 'Nhập số lượng' }]}
                    noStyle
                  >
                    <InputNumber
                      aria-label="Số lượng"
                      min={0}
                      placeholder="Số lượng"
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="Bỏ dòng" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                Thêm tài liệu, vật phẩm
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="outcome" label="Kết quả">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
