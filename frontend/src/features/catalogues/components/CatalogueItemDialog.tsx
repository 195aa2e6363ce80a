import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { applyViolations, problemMessage } from '@/lib/problem';
import {
  useCatalogue,
  useSaveCatalogueItem,
  type Catalogue,
  type CatalogueItem,
} from '../api/catalogues';

export interface Values {
  code: string;
  name: string;
  parentId?: number;
  validFrom: Dayjs;
  validTo?: Dayjs;
}

export function ItemDialog({
  catalogue,
  label,
  parent,
  parentLabel,
  item,
  onClose,
}: {
  catalogue: Catalogue;
  label: string;
  parent?: Catalogue;
  parentLabel?: string;
  item?: CatalogueItem;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveCatalogueItem(catalogue);
  const parents = useCatalogue(parent ?? 'MODEL_FIELD');
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        item,
        body: {
          code: v.code,
          name: v.name,
          parentId: v.parentId,
          validFrom: v.validFrom.format('YYYY-MM-DD'),
          validTo: v.validTo?.format('YYYY-MM-DD'),
        },
      });
      message.success(item ? 'Đã lưu' : `Đã thêm «${v.name}»`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={item ? `Sửa: ${item.name}` : `Thêm mục: ${label}`}
      okText={item ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      width={600}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          item
            ? {
                code: item.code,
                name: item.name,
                parentId: item.parent?.id,
                validFrom: dayjs(item.validFrom),
                validTo: item.validTo ? dayjs(item.validTo) : undefined,
              }
            : { validFrom: dayjs() }
        }
      >
        <Form.Item
          name="name"
          label="Tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã"
          rules={[
            { required: true, message: 'Nhập mã' },
            { pattern: /^[A-Z0-9_]+$/, message: 'Chữ in hoa không dấu, số và _' },
          ]}
          extra="Mã dùng cho trao đổi dữ liệu giữa các hệ thống, ví dụ CLB_HOAN_LUONG"
        >
          <Input maxLength={40} />
        </Form.Item>
        {parent && (
          <Form.Item
            name="parentId"
            label={parentLabel}
            rules={[{ required: true, message: `Chọn ${parentLabel?.toLowerCase()}` }]}
          >
            <Select
              aria-label={parentLabel}
              options={(parents.data ?? []).map((p) => ({
                value: p.id,
                label: p.name,
                title: p.name,
              }))}
            />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="validFrom"
              label="Hiệu lực từ ngày"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="validTo"
              label="Hết hiệu lực từ ngày"
              extra="Mục hết hiệu lực không chọn được cho bản ghi mới; bản ghi cũ vẫn giữ"
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
