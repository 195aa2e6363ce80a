import { CameraOutlined, DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '@/lib/api/client';
import { formatNumber } from '@/lib/format';
import { downscalePhoto } from '@/lib/photos';
import { problemMessage } from '@/lib/problem';
import { uploadAttachment, useDeleteAttachment, type Attachment } from '../api/events';

const MAX_MB = 10;

/** An event's photos and documents: opened, deleted, and uploaded with their progress shown. */
export function EventAttachments({
  eventId,
  attachments,
  canWrite,
}: {
  eventId: number;
  attachments: Attachment[];
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [progress, setProgress] = useState<{ name: string; percent: number }>();
  const detach = useDeleteAttachment(eventId);

  const open = async (a: Attachment) => {
    const { data } = await api.GET('/api/events/{id}/attachments/{attachmentId}', {
      params: { path: { id: eventId, attachmentId: a.id } },
      parseAs: 'blob',
    });
    if (data) window.open(URL.createObjectURL(data as Blob), '_blank', 'noopener');
  };

  const upload = async (picked: File) => {
    // a phone's photo is made smaller here, before it crosses a weak network
    setProgress({ name: picked.name, percent: 0 });
    const file = await downscalePhoto(picked);
    if (file.size > MAX_MB * 1024 * 1024) {
      setProgress(undefined);
      message.error(`Tệp ${file.name} lớn hơn ${MAX_MB} MB`);
      return false;
    }
    setProgress({ name: file.name, percent: 0 });
    try {
      await uploadAttachment(eventId, file, (percent) => setProgress({ name: file.name, percent }));
      message.success(`Đã đính kèm ${file.name}`);
      await client.invalidateQueries({ queryKey: ['events'] });
    } catch (e) {
      message.error(problemMessage(e));
    } finally {
      setProgress(undefined);
    }
    return false;
  };

  return (
    <div>
      <Typography.Title level={5}>Ảnh, tài liệu đính kèm</Typography.Title>
      <List
        size="small"
        bordered
        locale={{ emptyText: 'Chưa có tệp đính kèm' }}
        dataSource={attachments}
        renderItem={(a) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <Popconfirm
                      key="del"
                      title={`Xóa ${a.fileName}?`}
                      okText="Xóa"
                      cancelText="Không"
                      onConfirm={() => detach.mutate(a.id)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`Xóa ${a.fileName}`}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Button type="link" icon={<FileOutlined />} onClick={() => void open(a)}>
              {a.fileName}
            </Button>
            <Typography.Text type="secondary">
              {formatNumber(Math.ceil(a.size / 1024))} KB
            </Typography.Text>
          </List.Item>
        )}
      />
      {canWrite && (
        <div style={{ marginTop: 12 }}>
          <Space wrap>
            <Upload
              accept="image/jpeg,image/png"
              capture="environment"
              showUploadList={false}
              beforeUpload={(f) => upload(f)}
            >
              <Button icon={<CameraOutlined />} disabled={progress !== undefined}>
                Chụp ảnh
              </Button>
            </Upload>
            <Upload
              accept=".jpg,.jpeg,.png,.pdf"
              showUploadList={false}
              beforeUpload={(f) => upload(f)}
            >
              <Button icon={<UploadOutlined />} loading={progress !== undefined}>
                Đính kèm ảnh hoặc PDF (tối đa {MAX_MB} MB)
              </Button>
            </Upload>
          </Space>
          {progress && (
            <div style={{ marginTop: 8 }}>
              {progress.name}
              <Progress percent={progress.percent} size="small" />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
