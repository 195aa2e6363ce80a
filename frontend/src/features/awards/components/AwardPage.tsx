import { DeleteOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Descriptions,
  Popconfirm,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AuditTimeline } from '@/components/AuditTimeline';
import { NotFound } from '@/components/NotFound';
import { ApiError } from '@/lib/api/client';
import { formatDate, formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useAward, useDeleteAward } from '../api/awards';
import { AwardFormDialog } from './AwardFormDialog';
import { RecipientTable } from './RecipientTable';

const AUDIT_FIELDS: Record<string, string> = {
  number: 'Số quyết định',
  decidedOn: 'Ngày ký',
  authorityId: 'Cấp khen (mã)',
  unitId: 'Đơn vị (mã)',
  issuerName: 'Cơ quan ban hành',
  signer: 'Người ký',
  formId: 'Hình thức (mã)',
  typeId: 'Loại (mã)',
  reason: 'Thành tích',
  eventId: 'Sự kiện (mã)',
  programmeId: 'Chương trình (mã)',
  recipients: 'Được khen',
};

/** One decision: its lines, its collectives and individuals, the printable list, its history. */
export function AwardPage() {
  const id = Number(useParams().id);
  const found = useAward(Number.isFinite(id) ? id : undefined);
  const rights = useRights();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const remove = useDeleteAward();
  const [editing, setEditing] = useState(false);

  if (found.isError && found.error instanceof ApiError && found.error.status === 404)
    return <NotFound />;
  if (found.isError) return <Alert type="error" showIcon title={problemMessage(found.error)} />;
  if (!found.data) return <Skeleton active />;
  const { award: a, etag } = found.data;
  const recipients = a.recipients ?? [];
  const collectives = recipients.filter((r) => r.kind === 'COLLECTIVE');
  const individuals = recipients.filter((r) => r.kind === 'INDIVIDUAL');

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/khen-thuong">Khen thưởng</Link> }, { title: a.number }]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Quyết định số {a.number} ngày {formatDate(a.decidedOn)}
          </Typography.Title>
          <Typography.Text type="secondary">
            <Tag color="gold">{a.form.name}</Tag>
            {a.issuerName} — {formatNumber(a.collectiveCount)} tập thể,{' '}
            {formatNumber(a.individualCount)} cá nhân
          </Typography.Text>
        </Space>
        <Space>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => void navigate(`/khen-thuong/${a.id}/in`)}
          >
            In danh sách
          </Button>
          {rights.write && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                Sửa
              </Button>
              <Popconfirm
                title="Xóa quyết định ghi nhầm?"
                description="Quyết định và danh sách được khen sẽ bị xóa; nhật ký vẫn giữ lại."
                okText="Xóa"
                cancelText="Không"
                okButtonProps={{ danger: true }}
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync({ id: a.id, etag });
                    message.success(`Đã xóa quyết định số ${a.number}`);
                    void navigate('/khen-thuong');
                  } catch (e) {
                    message.error(problemMessage(e));
                  }
                }}
              >
                <Button danger icon={<DeleteOutlined />}>
                  Xóa
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </Space>
      <Tabs
        items={[
          {
            key: 'info',
            label: 'Quyết định',
            children: (
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label="Cấp khen thưởng">{a.authority.name}</Descriptions.Item>
                  <Descriptions.Item label="Nhân danh đơn vị">{a.unit.name}</Descriptions.Item>
                  <Descriptions.Item label="Người ký">{a.signer ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="Loại khen thưởng">{a.type.name}</Descriptions.Item>
                  <Descriptions.Item label="Trao tại sự kiện">
                    {a.event ? (
                      <Link to={`/su-kien?event=${a.event.id}`}>{a.event.title}</Link>
                    ) : (
                      '—'
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label="Chương trình phối hợp">
                    {a.programme ? `${a.programme.number} — ${a.programme.title}` : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label="Thành tích" span={2}>
                    {a.reason ?? '—'}
                  </Descriptions.Item>
                </Descriptions>
                <RecipientTable title="Tập thể" rows={collectives} />
                <RecipientTable title="Cá nhân" rows={individuals} />
              </Space>
            ),
          },
          ...(rights.audit
            ? [
                {
                  key: 'history',
                  label: 'Lịch sử',
                  children: (
                    <AuditTimeline entityType="AWARD" entityId={a.id} fields={AUDIT_FIELDS} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <AwardFormDialog editing={{ award: a, etag }} onClose={() => setEditing(false)} />
      )}
    </>
  );
}
