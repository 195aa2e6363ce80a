import { DeleteOutlined, EditOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  List,
  Popconfirm,
  Progress,
  Skeleton,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '@/lib/api/client';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import {
  uploadAttachment,
  useDeleteAttachment,
  useDeleteEvent,
  useEvent,
  type Attachment,
} from '../api/events';
import { EventFormDialog } from './EventFormDialog';

const MAX_MB = 10;

export function formatTime(iso: string) {
  return dayjs(iso).format('HH:mm DD/MM/YYYY');
}

/** One event: what, when, who organised it, what came of it, and its photos and documents. */
export function EventDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const detail = useEvent(id);
  const rights = useRights();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [progress, setProgress] = useState<{ name: string; percent: number }>();
  const remove = useDeleteEvent();
  const detach = useDeleteAttachment(id);

  const open = async (a: Attachment) => {
    const { data } = await api.GET('/api/events/{id}/attachments/{attachmentId}', {
      params: { path: { id, attachmentId: a.id } },
      parseAs: 'blob',
    });
    if (data) window.open(URL.createObjectURL(data as Blob), '_blank', 'noopener');
  };

  const upload = async (file: File) => {
    if (file.size > MAX_MB * 1024 * 1024) {
      message.error(`Tệp ${file.name} lớn hơn ${MAX_MB} MB`);
      return false;
    }
    setProgress({ name: file.name, percent: 0 });
    try {
      await uploadAttachment(id, file, (percent) => setProgress({ name: file.name, percent }));
      message.success(`Đã đính kèm ${file.name}`);
      await client.invalidateQueries({ queryKey: ['events'] });
    } catch (e) {
      message.error(problemMessage(e));
    } finally {
      setProgress(undefined);
    }
    return false;
  };

  const e = detail.data?.event;
  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={e?.title ?? 'Sự kiện'}
      destroyOnHidden
      extra={
        e && rights.write ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              Sửa
            </Button>
            <Popconfirm
              title="Xóa sự kiện ghi nhầm?"
              okText="Xóa"
              cancelText="Không"
              onConfirm={async () => {
                try {
                  await remove.mutateAsync({ id, etag: detail.data?.etag ?? '' });
                  message.success('Đã xóa sự kiện');
                  onClose();
                } catch (err) {
                  message.error(problemMessage(err));
                }
              }}
            >
              <Button danger icon={<DeleteOutlined />}>
                Xóa
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={problemMessage(detail.error)} />}
      {e && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Loại">{e.type.name}</Descriptions.Item>
            <Descriptions.Item label="Thời gian">
              {formatTime(e.startsAt)} – {formatTime(e.endsAt)}
            </Descriptions.Item>
            <Descriptions.Item label="Địa điểm">{e.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Địa bàn">{e.unit.name}</Descriptions.Item>
            <Descriptions.Item label="Chủ trì">{e.lead.name}</Descriptions.Item>
            <Descriptions.Item label="Phối hợp">
              {e.coOrganisers.map((u) => u.name).join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Chương trình">
              {e.programme ? `${e.programme.number} — ${e.programme.title}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Mô hình">
              {e.models.length
                ? e.models.map((m, i) => (
                    <span key={m.id}>
                      {i > 0 && ', '}
                      <Link to={`/mo-hinh/${m.id}`}>{m.name}</Link>
                    </span>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Tham dự">
              {e.attendance !== undefined ? `${formatNumber(e.attendance)} lượt người` : '—'}
              {e.sessions > 1 && ` · ${formatNumber(e.sessions)} buổi`}
            </Descriptions.Item>
            <Descriptions.Item label="Tài liệu, vật phẩm">
              {e.materials
                .map((m) => `${m.material.name}: ${formatNumber(m.quantity)}`)
                .join('; ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Kết quả">{e.outcome ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>Ảnh, tài liệu đính kèm</Typography.Title>
            <List
              size="small"
              bordered
              locale={{ emptyText: 'Chưa có tệp đính kèm' }}
              dataSource={e.attachments}
              renderItem={(a) => (
                <List.Item
                  actions={
                    rights.write
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
            {rights.write && (
              <div style={{ marginTop: 12 }}>
                <Upload
                  accept=".jpg,.jpeg,.png,.pdf"
                  showUploadList={false}
                  beforeUpload={(f) => upload(f)}
                >
                  <Button icon={<UploadOutlined />} loading={progress !== undefined}>
                    Đính kèm ảnh hoặc PDF (tối đa {MAX_MB} MB)
                  </Button>
                </Upload>
                {progress && (
                  <div style={{ marginTop: 8 }}>
                    {progress.name}
                    <Progress percent={progress.percent} size="small" />
                  </div>
                )}
              </div>
            )}
          </div>
        </Space>
      )}
      {editing && detail.data && (
        <EventFormDialog editing={detail.data} onClose={() => setEditing(false)} />
      )}
    </Drawer>
  );
}
