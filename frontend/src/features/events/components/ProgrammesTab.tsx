import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { formatDate, formatNumber } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import {
  PROGRAMME_STATUS_LABELS,
  useEvents,
  useProgramme,
  useProgrammes,
  useSaveProgramme,
  type Programme,
  type ProgrammeStatus,
} from '../api/events';
import { formatTime } from './EventDrawer';

/** Chương trình phối hợp: the programmes in force around the user, each with its events. */
export function ProgrammesTab() {
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(0);
  const list = useProgrammes({ q, page, size: 20 });
  const rights = useRights();
  const [params, setParams] = useSearchParams();
  const open = params.get('programme') ? Number(params.get('programme')) : undefined;
  const [editing, setEditing] = useState<{ programme?: Programme } | null>(null);
  const setOpen = (id?: number) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set('programme', String(id));
      else next.delete('programme');
      return next;
    });
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Input.Search
          aria-label="Tìm chương trình"
          placeholder="Số hoặc tên chương trình"
          allowClear
          style={{ width: 360 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(0);
          }}
        />
        {rights.write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            Thêm chương trình
          </Button>
        )}
      </Space>
      <Table<Programme>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: 'Chưa có chương trình phối hợp' }}
        pagination={{
          current: page + 1,
          pageSize: 20,
          total: list.data?.totalElements,
          onChange: (p) => setPage(p - 1),
        }}
        columns={[
          { title: 'Số', dataIndex: 'number', width: 180 },
          { title: 'Tên chương trình', dataIndex: 'title' },
          { title: 'Ngày ký', dataIndex: 'signedOn', width: 110, render: formatDate },
          {
            title: 'Các bên ký kết',
            key: 'parties',
            render: (_, p) => p.parties.map((u) => u.name).join(', '),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 150,
            render: (s: ProgrammeStatus) => (
              <Tag color={s === 'IN_FORCE' ? 'green' : 'default'}>{PROGRAMME_STATUS_LABELS[s]}</Tag>
            ),
          },
          {
            title: 'Sự kiện',
            dataIndex: 'eventCount',
            align: 'right',
            width: 90,
            render: formatNumber,
          },
        ]}
      />
      {open !== undefined && (
        <ProgrammeDrawer
          id={open}
          onClose={() => setOpen()}
          onEdit={(p) => setEditing({ programme: p })}
        />
      )}
      {editing && (
        <ProgrammeDialog programme={editing.programme} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

function ProgrammeDrawer({
  id,
  onClose,
  onEdit,
}: {
  id: number;
  onClose: () => void;
  onEdit: (p: Programme) => void;
}) {
  const programme = useProgramme(id);
  const events = useEvents({ programmeId: id, sort: 'startsAt,asc', size: 200 });
  const rights = useRights();
  const p = programme.data;
  return (
    <Drawer
      open
      width={680}
      title={p ? `${p.number} — ${p.title}` : 'Chương trình'}
      onClose={onClose}
      extra={
        // a national programme (no scope) is the administrators' to change
        p && rights.write && (p.scope || rights.admin) ? (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)}>
            Sửa
          </Button>
        ) : null
      }
    >
      {p && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Ngày ký">{formatDate(p.signedOn)}</Descriptions.Item>
            <Descriptions.Item label="Các bên ký kết">
              {p.parties.map((u) => u.name).join(', ')}
            </Descriptions.Item>
            <Descriptions.Item label="Phạm vi">{p.scope?.name ?? 'Toàn quốc'}</Descriptions.Item>
            <Descriptions.Item label="Thời gian thực hiện">
              {formatDate(p.periodFrom)} – {p.periodTo ? formatDate(p.periodTo) : 'chưa xác định'}
            </Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              {PROGRAMME_STATUS_LABELS[p.status]}
              {p.renewedBy && ` bằng ${p.renewedBy.number}`}
            </Descriptions.Item>
          </Descriptions>
          {events.data?.content.length ? (
            <Timeline
              items={events.data.content.map((e) => ({
                key: e.id,
                title: formatTime(e.startsAt),
                content: (
                  <div>
                    <b>{e.title}</b> — {e.type.name}
                    <div>
                      {e.unit.name}
                      {e.attendance !== undefined && ` · ${formatNumber(e.attendance)} lượt người`}
                    </div>
                  </div>
                ),
              }))}
            />
          ) : (
            <Empty description="Chưa có sự kiện nào thuộc chương trình" />
          )}
        </Space>
      )}
    </Drawer>
  );
}

interface Values {
  number: string;
  title: string;
  signedOn: Dayjs;
  partyIds: number[];
  scopeUnitId?: number;
  period: [Dayjs, Dayjs | null];
  status: ProgrammeStatus;
  renewedById?: number;
}

function ProgrammeDialog({ programme, onClose }: { programme?: Programme; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  // a national programme has no scope: administrators record it
  const national = useRights().admin;
  const save = useSaveProgramme();
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const others = useProgrammes({ size: 200 });
  const status = Form.useWatch('status', form);
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({
        programme,
        body: {
          number: v.number,
          title: v.title,
          signedOn: v.signedOn.format('YYYY-MM-DD'),
          partyIds: v.partyIds,
          scopeUnitId: v.scopeUnitId,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1]?.format('YYYY-MM-DD'),
          status: v.status,
          renewedById: v.status === 'RENEWED' ? v.renewedById : undefined,
        },
      });
      message.success(programme ? 'Đã lưu chương trình' : `Đã thêm chương trình ${v.number}`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={programme ? `Sửa chương trình ${programme.number}` : 'Thêm chương trình phối hợp'}
      okText={programme ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      width={720}
      error={error}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          programme
            ? {
                number: programme.number,
                title: programme.title,
                signedOn: dayjs(programme.signedOn),
                partyIds: programme.parties.map((u) => u.id),
                scopeUnitId: programme.scope?.id,
                period: [
                  dayjs(programme.periodFrom),
                  programme.periodTo ? dayjs(programme.periodTo) : null,
                ],
                status: programme.status,
                renewedById: programme.renewedBy?.id,
              }
            : { status: 'IN_FORCE' }
        }
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="number"
              label="Số chương trình"
              rules={[{ required: true, whitespace: true, message: 'Nhập số' }]}
            >
              <Input maxLength={60} placeholder="09/CTr-BCA-TTTW" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="title"
              label="Tên chương trình"
              rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="partyIds"
          label="Các đơn vị ký kết"
          rules={[{ required: true, message: 'Chọn các bên ký kết' }]}
        >
          <UnitPicker multiple aria-label="Các đơn vị ký kết" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="scopeUnitId"
              label="Phạm vi thực hiện"
              rules={[{ required: !national, message: 'Chọn phạm vi' }]}
              extra={national ? 'Để trống nếu là chương trình toàn quốc' : undefined}
            >
              <UnitPicker aria-label="Phạm vi thực hiện" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="signedOn"
              label="Ngày ký"
              rules={[{ required: true, message: 'Chọn ngày ký' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="period"
              label="Thời gian thực hiện"
              rules={[{ required: true, message: 'Chọn thời gian' }]}
            >
              <DatePicker.RangePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                allowEmpty={[false, true]}
                placeholder={['Từ ngày', 'Đến ngày (nếu có)']}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label="Trạng thái" rules={[{ required: true }]}>
              <Select
                aria-label="Trạng thái chương trình"
                options={(Object.keys(PROGRAMME_STATUS_LABELS) as ProgrammeStatus[]).map((s) => ({
                  value: s,
                  label: PROGRAMME_STATUS_LABELS[s],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {status === 'RENEWED' && (
          <Form.Item
            name="renewedById"
            label="Được thay bằng chương trình"
            rules={[{ required: true, message: 'Chọn chương trình thay thế' }]}
          >
            <Select
              aria-label="Chương trình thay thế"
              options={(others.data?.content ?? [])
                .filter((o) => o.id !== programme?.id)
                .map((o) => ({ value: o.id, label: `${o.number} — ${o.title}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
