import { CameraOutlined, DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Form, List, Space, Upload } from 'antd';
import { useState } from 'react';
import { downscalePhoto } from '@/lib/photos';
import type { OutboxPhoto } from '@/lib/outbox';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Photos taken with a new event: scaled on the device, kept with the event in the queue and sent
 * after it (the server's type and size limits still apply there).
 */
export function EventPhotosField({
  photos,
  onChange,
}: {
  photos: OutboxPhoto[];
  onChange: (photos: OutboxPhoto[]) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const add = async (picked: File) => {
    setBusy(true);
    try {
      const file = await downscalePhoto(picked);
      if (file.size > MAX_BYTES) {
        message.error(`Tệp ${file.name} lớn hơn 10 MB`);
      } else {
        onChange([...photos, { name: file.name, blob: file }]);
      }
    } finally {
      setBusy(false);
    }
    return false;
  };
  return (
    <Form.Item label="Ảnh" extra="Ảnh được thu nhỏ trên máy trước khi gửi">
      <Space wrap>
        <Upload accept="image/*" capture="environment" showUploadList={false} beforeUpload={add}>
          <Button icon={<CameraOutlined />} loading={busy}>
            Chụp ảnh
          </Button>
        </Upload>
        <Upload
          accept="image/jpeg,image/png,application/pdf"
          showUploadList={false}
          beforeUpload={add}
        >
          <Button icon={<PictureOutlined />}>Chọn ảnh, tệp</Button>
        </Upload>
      </Space>
      {photos.length > 0 && (
        <List
          size="small"
          dataSource={photos}
          renderItem={(p, i) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`Bỏ ${p.name}`}
                  onClick={() => onChange(photos.filter((_, j) => j !== i))}
                />,
              ]}
            >
              {p.name} ({Math.ceil(p.blob.size / 1024)} KB)
            </List.Item>
          )}
        />
      )}
    </Form.Item>
  );
}
