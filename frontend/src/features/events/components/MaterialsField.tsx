import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space } from 'antd';
import { optionsOf } from '@/components/FormFields';

/** Tài liệu, vật phẩm tuyên truyền: lines of a material type and its quantity. */
export function MaterialsField({ materials }: { materials?: { id: number; name: string }[] }) {
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <Form.Item label="Tài liệu, vật phẩm tuyên truyền">
          {fields.map((field) => (
            <Space
              key={field.key}
              align="baseline"
              wrap
              style={{ display: 'flex', marginBottom: 4 }}
            >
              <Form.Item
                name={[field.name, 'materialTypeId']}
                rules={[{ required: true, message: 'Chọn loại' }]}
                noStyle
              >
                <Select
                  aria-label="Loại tài liệu"
                  style={{ width: 'min(320px, 70vw)' }}
                  options={optionsOf(materials)}
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
  );
}
