import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { FilterCard, SelectFilter } from '@/components/ListFilters';
import { FormDialog } from '@/components/FormDialog';
import { useCatalogue } from '@/lib/catalogues';
import { UnitPicker } from '@/components/UnitPicker';
import { formatDate, formatNumber } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useTableParams } from '@/lib/useTableParams';
import { api, unwrap } from '@/lib/api/client';
import {
  useCreateExemplaryPolice,
  useDeleteExemplaryPolice,
  useExemplaryPolice,
  useSafetyAssessments,
  type ExemplaryPolice,
  type SafetyAssessment,
} from '../api/safety';
import { AssessmentDialog } from './AssessmentDialog';

const FILTERS = ['unitId', 'year', 'targetId', 'met'] as const;

/**
 * An toàn về ANTT: the yearly assessments of the territory's residential areas, communes,
 * agencies, enterprises and schools (TT 124/2021/TT-BCA, 48/2025/TT-BCA), and the exemplary
 * ward police designations.
 */
export function SafetyPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'cong-an' ? 'cong-an' : 'danh-gia';
  return (
    <>
      <Typography.Title level={3}>An toàn về an ninh, trật tự</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'cong-an' ? { tab: k } : {})}
        items={[
          { key: 'danh-gia', label: 'Đánh giá đạt chuẩn', children: <Assessments /> },
          {
            key: 'cong-an',
            label: 'Công an phường điển hình, kiểu mẫu',
            children: <ExemplaryPoliceList />,
          },
        ]}
      />
    </>
  );
}

function Assessments() {
  const table = useTableParams(FILTERS);
  const { state, onChange, setFilter, sortOrderOf } = table;
  const f = state.filters;
  const rights = useRights();
  const { message } = App.useApp();
  const targets = useCatalogue('SAFETY_TARGET');
  const [editing, setEditing] = useState<
    { assessment: SafetyAssessment; etag: string } | 'new' | null
  >(null);
  const filter = {
    unitId: f.unitId?.[0] ? Number(f.unitId[0]) : undefined,
    year: f.year?.[0] ? Number(f.year[0]) : undefined,
    targetId: f.targetId?.[0] ? Number(f.targetId[0]) : undefined,
    met: f.met?.[0] === undefined ? undefined : f.met[0] === 'true',
  };
  const list = useSafetyAssessments({
    ...filter,
    page: state.page,
    size: state.size,
    sort: state.sort,
  });
  const thisYear = dayjs().year();

  const open = async (a: SafetyAssessment) => {
    try {
      const { data, response } = await unwrap(
        api.GET('/api/safety-assessments/{id}', { params: { path: { id: a.id } } }),
      );
      setEditing({ assessment: data, etag: response.headers.get('ETag') ?? `"${data.version}"` });
    } catch (err) {
      message.error(problemMessage(err));
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text type="secondary">
          Kỳ đánh giá: khu dân cư từ 01/11 năm trước đến 31/10; xã, phường, cơ quan, doanh nghiệp,
          cơ sở giáo dục từ 16/11 năm trước đến 15/11. Đạt chuẩn khi đạt tất cả tiêu chí.
        </Typography.Text>
        {rights.write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Đánh giá đơn vị
          </Button>
        )}
      </Space>
      <FilterCard>
        <Col xs={24} md={8}>
          <UnitPicker
            aria-label="Địa bàn"
            placeholder="Địa bàn: mọi đơn vị"
            value={filter.unitId}
            onChange={(v) => setFilter('unitId', v === undefined ? undefined : String(v))}
          />
        </Col>
        <SelectFilter
          table={table}
          name="year"
          label="Năm"
          placeholder="Mọi năm"
          options={Array.from({ length: 10 }, (_, i) => String(thisYear - i)).map((y) => ({
            value: y,
            label: `Năm ${y}`,
          }))}
          md={4}
        />
        <SelectFilter
          table={table}
          name="targetId"
          label="Đối tượng"
          placeholder="Mọi đối tượng"
          options={(targets.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
          md={6}
        />
        <SelectFilter
          table={table}
          name="met"
          label="Kết quả"
          placeholder="Đạt và chưa đạt"
          options={[
            { value: 'true', label: 'Đạt chuẩn' },
            { value: 'false', label: 'Chưa đạt' },
          ]}
          md={6}
        />
      </FilterCard>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(list.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<SafetyAssessment>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        onChange={onChange}
        onRow={(a) => ({ onClick: () => void open(a), style: { cursor: 'pointer' } })}
        locale={{ emptyText: 'Chưa có đánh giá phù hợp' }}
        pagination={{
          current: state.page + 1,
          pageSize: state.size,
          total: list.data?.totalElements,
          showSizeChanger: true,
          showTotal: (t) => `${formatNumber(t)} đánh giá`,
        }}
        columns={[
          {
            title: 'Năm',
            dataIndex: 'year',
            key: 'year',
            width: 80,
            sorter: true,
            sortOrder: sortOrderOf('year') ?? (state.sort ? null : 'descend'),
          },
          { title: 'Đơn vị', key: 'unit', render: (_, a) => a.unit.name },
          { title: 'Đối tượng', key: 'target', width: 220, render: (_, a) => a.target.name },
          {
            title: 'Kỳ đánh giá',
            key: 'period',
            width: 200,
            render: (_, a) => `${formatDate(a.periodFrom)} – ${formatDate(a.periodTo)}`,
          },
          {
            title: 'Kết quả',
            key: 'met',
            width: 190,
            render: (_, a) => (
              <Space>
                <Tag color={a.met ? 'success' : 'error'}>{a.met ? 'Đạt chuẩn' : 'Chưa đạt'}</Tag>
                <Typography.Text type="secondary">
                  {a.metCount}/{a.criteria.length} tiêu chí
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Công nhận',
            key: 'recognised',
            width: 240,
            render: (_, a) =>
              a.recognisedOn ? (
                <Space orientation="vertical" size={0}>
                  <span>{a.recognisedBy}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.decisionNumber ? `${a.decisionNumber}, ` : ''}
                    {formatDate(a.recognisedOn)}
                  </Typography.Text>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing && (
        <AssessmentDialog
          editing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

interface PoliceValues {
  unitId: number;
  year: number;
  decisionNumber: string;
  decidedOn: Dayjs;
  authority: string;
  note?: string;
}

function ExemplaryPoliceList() {
  const rights = useRights();
  const { message } = App.useApp();
  const [page, setPage] = useState(0);
  const list = useExemplaryPolice({ page, size: 20 });
  const remove = useDeleteExemplaryPolice();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          Danh hiệu hằng năm của đơn vị công an phường; cấp tỉnh ghi theo quyết định công nhận.
        </Typography.Text>
        {rights.reorganise && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Ghi danh hiệu
          </Button>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon title={problemMessage(list.error)} />}
      <Table<ExemplaryPolice>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        locale={{ emptyText: 'Chưa có đơn vị được công nhận' }}
        pagination={{
          current: page + 1,
          pageSize: 20,
          total: list.data?.totalElements,
          onChange: (p) => setPage(p - 1),
          showTotal: (t) => `${formatNumber(t)} lượt công nhận`,
        }}
        columns={[
          { title: 'Năm', dataIndex: 'year', key: 'year', width: 80 },
          { title: 'Đơn vị công an', key: 'unit', render: (_, e) => e.unit.name },
          { title: 'Phường', key: 'ward', render: (_, e) => e.ward.name },
          {
            title: 'Quyết định',
            key: 'decision',
            render: (_, e) => `${e.decisionNumber}, ${formatDate(e.decidedOn)}`,
          },
          { title: 'Cấp công nhận', dataIndex: 'authority', key: 'authority' },
          ...(rights.reorganise
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 60,
                  render: (_: unknown, e: ExemplaryPolice) => (
                    <Popconfirm
                      title="Xóa danh hiệu ghi nhầm này?"
                      okText="Xóa"
                      cancelText="Không"
                      onConfirm={async () => {
                        try {
                          await remove.mutateAsync({ id: e.id, etag: `"${e.version}"` });
                          message.success('Đã xóa');
                        } catch (err) {
                          message.error(problemMessage(err));
                        }
                      }}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`Xóa danh hiệu ${e.unit.name} ${e.year}`}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <PoliceDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function PoliceDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<PoliceValues>();
  const create = useCreateExemplaryPolice();
  const { message } = App.useApp();
  const [error, setError] = useState<string>();
  const submit = async (v: PoliceValues) => {
    setError(undefined);
    try {
      const saved = await create.mutateAsync({
        unitId: v.unitId,
        year: v.year,
        decisionNumber: v.decisionNumber.trim(),
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        authority: v.authority.trim(),
        note: v.note?.trim() || undefined,
      });
      message.success(
        `Đã ghi: ${saved.unit.name} — Công an phường điển hình, kiểu mẫu năm ${saved.year}`,
      );
      onClose();
    } catch (err) {
      if (!applyViolations(form, err)) setError(problemMessage(err));
    }
  };
  return (
    <FormDialog
      title="Công an phường điển hình, kiểu mẫu"
      okText="Ghi danh hiệu"
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={create.isPending}
      error={error}
    >
      <Form<PoliceValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: dayjs().year(), authority: 'Giám đốc Công an tỉnh' }}
      >
        <Form.Item
          name="unitId"
          label="Đơn vị công an phường"
          rules={[{ required: true, message: 'Chọn đơn vị công an' }]}
        >
          <UnitPicker aria-label="Đơn vị công an phường" kinds={['POLICE']} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber aria-label="Năm" min={2000} max={dayjs().year()} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="decisionNumber"
          label="Số quyết định"
          rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}
        >
          <Input aria-label="Số quyết định" maxLength={60} />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <DatePicker
            aria-label="Ngày quyết định"
            format="DD/MM/YYYY"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="authority"
          label="Cấp công nhận"
          rules={[{ required: true, whitespace: true, message: 'Nhập cấp công nhận' }]}
        >
          <Input aria-label="Cấp công nhận" maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea aria-label="Ghi chú" rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
