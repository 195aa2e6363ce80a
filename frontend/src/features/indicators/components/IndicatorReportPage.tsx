import {
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { AuditTimeline } from '@/components/AuditTimeline';
import { NotFound } from '@/components/NotFound';
import { useCatalogue } from '@/lib/catalogues';
import { ApiError } from '@/lib/api/client';
import { formatDate, formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import {
  STATUS_COLORS,
  STATUS_LABELS,
  useDeleteIndicatorReport,
  useIndicatorReport,
  useIndicatorRevisions,
  useIndicatorTransition,
  useReviseIndicatorReport,
  useSaveIndicatorValues,
  type IndicatorReport,
  type IndicatorReportStatus,
} from '../api/indicators';

const AUDIT_FIELDS: Record<string, string> = {
  period: 'Kỳ',
  revision: 'Bản',
  status: 'Trạng thái',
  note: 'Ghi chú',
};

function dateTime(iso?: string) {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
}

interface Line {
  id: number;
  name: string;
  value?: number;
}

/** One period of a unit: its figures (editable while a draft), its review, its revisions. */
export function IndicatorReportPage() {
  const id = useParams().id;
  // a fresh screen (and fresh edits) for each period or revision opened
  return <ReportScreen key={id} id={Number(id)} />;
}

function ReportScreen({ id }: { id: number }) {
  const found = useIndicatorReport(Number.isFinite(id) ? id : undefined);
  const revisions = useIndicatorRevisions(Number.isFinite(id) ? id : undefined);
  const rights = useRights();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveIndicatorValues();
  const transition = useIndicatorTransition();
  const revise = useReviseIndicatorReport();
  const remove = useDeleteIndicatorReport();
  const report = found.data?.report;
  const indicators = useCatalogue('INDICATOR', report?.periodStart);
  // what the user changed since the last save: indicator → value (null: cleared)
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const [noteEdit, setNoteEdit] = useState<string>();
  const [error, setError] = useState<string>();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [revising, setRevising] = useState(false);
  const [reason, setReason] = useState('');

  // every indicator in force in the period, in catalogue order, with what was entered
  const base = useMemo<Line[]>(() => {
    if (!report) return [];
    const entered = new Map(report.values.map((v) => [v.indicator.id, v]));
    const items = (indicators.data ?? []).map((i) => ({ id: i.id, name: i.name }));
    for (const v of report.values) {
      if (!items.some((i) => i.id === v.indicator.id))
        items.push({ id: v.indicator.id, name: v.indicator.name });
    }
    return items
      .sort((a, b) => a.id - b.id)
      .map((i) => ({ ...i, value: entered.get(i.id)?.value }));
  }, [report, indicators.data]);

  const lines = base.map((l) => (l.id in edits ? { ...l, value: edits[l.id] ?? undefined } : l));
  const note = noteEdit ?? report?.note ?? '';
  const dirty = noteEdit !== undefined || Object.keys(edits).length > 0;

  if (found.isError && found.error instanceof ApiError && found.error.status === 404)
    return <NotFound />;
  if (found.isError) return <Alert type="error" showIcon title={problemMessage(found.error)} />;
  if (!found.data || !report) return <Skeleton active />;
  const { etag } = found.data;
  const r: IndicatorReport = report;

  const values = () =>
    lines
      .filter((l) => l.value !== undefined && l.value !== null)
      .map((l) => ({ indicatorId: l.id, value: l.value ?? 0 }));

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      await work();
      setEdits({});
      setNoteEdit(undefined);
      message.success(done);
    } catch (err) {
      setError(problemMessage(err));
    }
  };

  const saveDraft = () =>
    run(
      () => save.mutateAsync({ id: r.id, etag, note: note.trim() || undefined, values: values() }),
      'Đã lưu số liệu',
    );

  const saveAndSubmit = () =>
    run(async () => {
      const saved = dirty
        ? await save.mutateAsync({
            id: r.id,
            etag,
            note: note.trim() || undefined,
            values: values(),
          })
        : r;
      await transition.mutateAsync({
        id: r.id,
        etag: `"${saved.version}"`,
        action: 'SUBMIT',
      });
    }, `Đã gửi số liệu ${r.periodLabel} để cấp trên duyệt`);

  const busy = save.isPending || transition.isPending || revise.isPending || remove.isPending;
  const editable = r.canEdit;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/so-lieu">Số liệu báo cáo</Link> },
          { title: `${r.periodLabel} — ${r.unit.name}` },
        ]}
      />
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            Số liệu {r.periodLabel.charAt(0).toLowerCase() + r.periodLabel.slice(1)} — {r.unit.name}
          </Typography.Title>
          <Tag color={STATUS_COLORS[r.status]} data-testid="report-status">
            {STATUS_LABELS[r.status]}
          </Tag>
        </Space>
        <Space wrap>
          {editable && (
            <>
              <Button icon={<EditOutlined />} onClick={() => void saveDraft()} loading={busy}>
                Lưu nháp
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => void saveAndSubmit()}
                loading={busy}
              >
                Gửi duyệt
              </Button>
              <Popconfirm
                title="Xóa kỳ báo cáo này?"
                description="Số liệu đã nhập của kỳ sẽ bị xóa."
                okText="Xóa"
                cancelText="Không"
                onConfirm={() =>
                  void run(async () => {
                    await remove.mutateAsync({ id: r.id, etag });
                    void navigate('/so-lieu');
                  }, 'Đã xóa kỳ báo cáo')
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  Xóa
                </Button>
              </Popconfirm>
            </>
          )}
          {r.canReview && (
            <>
              <Popconfirm
                title={`Duyệt số liệu ${r.periodLabel} của ${r.unit.name}?`}
                description="Kỳ đã duyệt được khóa và được tính vào báo cáo."
                okText="Duyệt"
                cancelText="Không"
                onConfirm={() =>
                  void run(
                    () => transition.mutateAsync({ id: r.id, etag, action: 'APPROVE' }),
                    'Đã duyệt',
                  )
                }
              >
                <Button type="primary" icon={<CheckOutlined />} loading={busy}>
                  Duyệt
                </Button>
              </Popconfirm>
              <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
                Trả lại
              </Button>
            </>
          )}
          {r.status === 'APPROVED' && rights.write && (
            <Button icon={<EditOutlined />} onClick={() => setRevising(true)}>
              Tạo bản điều chỉnh
            </Button>
          )}
        </Space>
      </Space>

      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      {r.status === 'RETURNED' && r.reviewComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Bị trả lại: ${r.reviewComment}`}
          description={`${r.reviewedBy ?? ''} — ${dateTime(r.reviewedAt)}`}
        />
      )}
      {r.status === 'SUPERSEDED' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bản này đã được thay bằng một bản điều chỉnh đã duyệt; số liệu dưới đây chỉ để đối chiếu."
        />
      )}

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: 'Đơn vị', children: r.unit.name },
          {
            key: 'period',
            label: 'Kỳ báo cáo',
            children: `${r.periodLabel} (${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)})`,
          },
          {
            key: 'revision',
            label: 'Bản',
            children:
              r.revision === 1
                ? 'Bản đầu'
                : `Điều chỉnh lần ${r.revision - 1}${r.revisionReason ? `: ${r.revisionReason}` : ''}`,
          },
          {
            key: 'submitted',
            label: 'Gửi duyệt',
            children: r.submittedAt
              ? `${r.submittedBy ?? ''} — ${dateTime(r.submittedAt)}`
              : 'Chưa gửi',
          },
          {
            key: 'reviewed',
            label: 'Duyệt, trả lại',
            children: r.reviewedAt
              ? `${r.reviewedBy ?? ''} — ${dateTime(r.reviewedAt)}${r.reviewComment ? ` — ${r.reviewComment}` : ''}`
              : 'Chưa',
          },
        ]}
      />

      <Card size="small" title="Số liệu theo chỉ tiêu" style={{ marginBottom: 16 }}>
        <Table<Line>
          rowKey="id"
          size="small"
          pagination={false}
          loading={indicators.isLoading}
          dataSource={lines}
          columns={[
            { title: 'TT', key: 'tt', width: 50, render: (_, __, i) => i + 1 },
            { title: 'Chỉ tiêu', dataIndex: 'name', key: 'name' },
            {
              title: 'Số liệu',
              key: 'value',
              width: 200,
              align: 'right',
              render: (_, l) =>
                editable ? (
                  <InputNumber
                    aria-label={l.name}
                    min={0}
                    max={1_000_000_000}
                    precision={0}
                    placeholder="chưa nhập"
                    value={l.value ?? null}
                    formatter={(v) =>
                      v === undefined || `${v}` === '' ? '' : formatNumber(Number(v))
                    }
                    parser={(v) => (v ? Number(v.replace(/\./g, '')) : (null as unknown as number))}
                    onChange={(v) => setEdits({ ...edits, [l.id]: v ?? null })}
                    style={{ width: '100%' }}
                  />
                ) : l.value === undefined ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  formatNumber(l.value)
                ),
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
          Ghi chú
        </Typography.Paragraph>
        {editable ? (
          <Input.TextArea
            aria-label="Ghi chú"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNoteEdit(e.target.value)}
          />
        ) : (
          <Typography.Text>{r.note ?? '—'}</Typography.Text>
        )}
      </Card>

      <Tabs
        items={[
          {
            key: 'revisions',
            label: `Các bản (${revisions.data?.length ?? 0})`,
            children: (
              <Table<IndicatorReport>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={revisions.data ?? []}
                rowClassName={(x) => (x.id === r.id ? 'ant-table-row-selected' : '')}
                onRow={(x) => ({
                  onClick: () => void navigate(`/so-lieu/${x.id}`),
                  style: { cursor: 'pointer' },
                })}
                columns={[
                  {
                    title: 'Bản',
                    dataIndex: 'revision',
                    key: 'revision',
                    render: (n: number) => (n === 1 ? 'Bản đầu' : `Điều chỉnh lần ${n - 1}`),
                  },
                  {
                    title: 'Trạng thái',
                    dataIndex: 'status',
                    key: 'status',
                    render: (s: IndicatorReportStatus) => (
                      <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>
                    ),
                  },
                  { title: 'Lý do điều chỉnh', dataIndex: 'revisionReason', key: 'reason' },
                  {
                    title: 'Duyệt lúc',
                    dataIndex: 'reviewedAt',
                    key: 'reviewedAt',
                    render: dateTime,
                  },
                ]}
              />
            ),
          },
          ...(rights.audit
            ? [
                {
                  key: 'history',
                  label: 'Lịch sử',
                  children: (
                    <AuditTimeline
                      entityType="INDICATOR_REPORT"
                      entityId={r.id}
                      fields={{
                        ...AUDIT_FIELDS,
                        ...Object.fromEntries(base.map((l) => [`indicator:${l.id}`, l.name])),
                      }}
                      show={(v, field) =>
                        field === 'status' && typeof v === 'string'
                          ? STATUS_LABELS[v as IndicatorReportStatus]
                          : field.startsWith('indicator:') && typeof v === 'number'
                            ? formatNumber(v)
                            : undefined
                      }
                    />
                  ),
                },
              ]
            : []),
        ]}
      />

      {returning && (
        <Modal
          open
          title={`Trả lại số liệu ${r.periodLabel} của ${r.unit.name}`}
          okText="Trả lại"
          cancelText="Hủy"
          confirmLoading={transition.isPending}
          onCancel={() => setReturning(false)}
          onOk={() =>
            void run(async () => {
              await transition.mutateAsync({ id: r.id, etag, action: 'RETURN', comment });
              setReturning(false);
              setComment('');
            }, 'Đã trả lại để đơn vị sửa')
          }
        >
          <Typography.Paragraph>Đơn vị sẽ thấy nhận xét này và sửa số liệu:</Typography.Paragraph>
          <Input.TextArea
            aria-label="Nhận xét"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Modal>
      )}
      {revising && (
        <Modal
          open
          title={`Điều chỉnh số liệu ${r.periodLabel}`}
          okText="Tạo bản điều chỉnh"
          cancelText="Hủy"
          confirmLoading={revise.isPending}
          onCancel={() => setRevising(false)}
          onOk={() =>
            void run(async () => {
              const created = await revise.mutateAsync({ id: r.id, etag, reason });
              setRevising(false);
              setReason('');
              void navigate(`/so-lieu/${created.id}`);
            }, 'Đã tạo bản điều chỉnh: sửa số liệu rồi gửi duyệt')
          }
        >
          <Typography.Paragraph>
            Bản đã duyệt được giữ lại và vẫn được tính vào báo cáo cho đến khi bản điều chỉnh được
            duyệt.
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="Lý do điều chỉnh"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Modal>
      )}
    </>
  );
}
