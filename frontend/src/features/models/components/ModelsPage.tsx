import { api } from '@/lib/api/client';
import { ExportButton } from '@/components/ExportButton';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DateRangeFilter, FilterCard, SearchFilter, SelectFilter } from '@/components/ListFilters';
import { useCatalogue } from '@/lib/catalogues';
import { UnitPicker } from '@/components/UnitPicker';
import { formatDate, formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useTableParams } from '@/lib/useTableParams';
import { useRights } from '@/lib/useSession';
import {
  useModelList,
  type ModelStatus,
  type ModelSummary,
  type RecognitionLevel,
} from '../api/models';
import { options, RECOGNITION_LABELS, STATUS_COLORS, STATUS_LABELS } from '../labels';
import { MemberSearch } from './MemberSearch';
import { ModelFormDialog } from './ModelFormDialog';

const FILTERS = [
  'q',
  'fieldId',
  'typeId',
  'status',
  'recognitionLevel',
  'unitId',
  'from',
  'to',
  'tab',
] as const;

/** Mô hình: the register with its filters and counts, and a search over every roster. */
export function ModelsPage() {
  const params = useTableParams(FILTERS);
  const { state, onChange, setFilter, setParam, setMany, sortOrderOf } = params;
  const f = state.filters;
  const [creating, setCreating] = useState(false);
  const rights = useRights();
  const navigate = useNavigate();
  const fields = useCatalogue('MODEL_FIELD');
  const types = useCatalogue('MODEL_TYPE');
  const fieldId = f.fieldId?.[0] ? Number(f.fieldId[0]) : undefined;
  const unitId = f.unitId?.[0] ? Number(f.unitId[0]) : undefined;

  const list = useModelList({
    q: f.q?.[0],
    fieldId,
    typeId: f.typeId?.[0] ? Number(f.typeId[0]) : undefined,
    status: f.status as ModelStatus[] | undefined,
    recognitionLevel: f.recognitionLevel?.[0] as RecognitionLevel | undefined,
    unitId,
    establishedFrom: f.from?.[0],
    establishedTo: f.to?.[0],
    page: state.page,
    size: state.size,
    sort: state.sort,
  });

  const columns: ColumnsType<ModelSummary> = [
    {
      title: 'Tên mô hình',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, m) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/mo-hinh/${m.id}`}>{name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.type.name}
          </Typography.Text>
        </Space>
      ),
    },
    { title: 'Đơn vị', key: 'unit', render: (_, m) => m.unit.name, width: 200 },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      key: 'status',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf('status'),
      render: (s: ModelStatus, m) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>
          {m.recognitionLevel && <Tag color="gold">{RECOGNITION_LABELS[m.recognitionLevel]}</Tag>}
        </Space>
      ),
    },
    {
      title: 'Số tổ',
      key: 'teams',
      align: 'right',
      width: 90,
      render: (_, m) => <Counted counted={m.teamCount} declared={m.declaredTeams} />,
    },
    {
      title: 'Thành viên',
      key: 'members',
      align: 'right',
      width: 110,
      render: (_, m) => <Counted counted={m.memberCount} declared={m.declaredMembers} />,
    },
    {
      title: 'Thành lập',
      dataIndex: 'establishedOn',
      key: 'establishedOn',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf('establishedOn'),
      render: formatDate,
    },
  ];

  const typeOptions = (types.data ?? [])
    .filter((t) => !fieldId || t.parent?.id === fieldId)
    .map((t) => ({ value: String(t.id), label: t.name }));

  const registry = (
    <>
      <FilterCard>
        <SearchFilter
          table={params}
          label="Tìm mô hình"
          placeholder="Tên mô hình hoặc thành viên (không cần dấu)"
        />
        <Col xs={24} md={8}>
          <UnitPicker
            aria-label="Địa bàn"
            placeholder="Địa bàn: mọi đơn vị trong phạm vi của bạn"
            value={unitId}
            onChange={(v) => setFilter('unitId', v === undefined ? undefined : String(v))}
          />
        </Col>
        <SelectFilter
          table={params}
          name="status"
          label="Trạng thái"
          placeholder="Mọi trạng thái"
          multiple
          options={options(STATUS_LABELS)}
          md={8}
        />
        <SelectFilter
          table={params}
          name="fieldId"
          label="Lĩnh vực"
          placeholder="Mọi lĩnh vực"
          loading={fields.isLoading}
          options={(fields.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
          onChange={(v) => setMany({ fieldId: v, typeId: undefined })}
        />
        <SelectFilter
          table={params}
          name="typeId"
          label="Loại mô hình"
          placeholder="Mọi loại mô hình"
          searchable
          loading={types.isLoading}
          options={typeOptions}
        />
        <SelectFilter
          table={params}
          name="recognitionLevel"
          label="Điển hình"
          placeholder="Điển hình: không lọc"
          options={(Object.keys(RECOGNITION_LABELS) as RecognitionLevel[]).map((l) => ({
            value: l,
            label: `${RECOGNITION_LABELS[l]} trở lên`,
          }))}
        />
        <DateRangeFilter
          table={params}
          label="Thành lập trong khoảng"
          placeholders={['Thành lập từ ngày', 'đến ngày']}
        />
      </FilterCard>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(list.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<ModelSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.content}
        loading={list.isFetching}
        onChange={onChange}
        onRow={(m) => ({ onDoubleClick: () => void navigate(`/mo-hinh/${m.id}`) })}
        locale={{ emptyText: 'Không có mô hình phù hợp' }}
        pagination={{
          current: state.page + 1,
          pageSize: state.size,
          total: list.data?.totalElements,
          showSizeChanger: true,
          showTotal: (total) => `${formatNumber(total)} mô hình`,
        }}
      />
    </>
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Mô hình tự phòng, tự quản
        </Typography.Title>
        <Space>
          <ExportButton
            fallbackName="mo-hinh"
            fetchFile={async (format) =>
              api.GET('/api/models/export', {
                params: {
                  query: {
                    format,
                    q: f.q?.[0],
                    fieldId,
                    typeId: f.typeId?.[0] ? Number(f.typeId[0]) : undefined,
                    status: f.status as ModelStatus[] | undefined,
                    recognitionLevel: f.recognitionLevel?.[0] as RecognitionLevel | undefined,
                    unitId,
                    establishedFrom: f.from?.[0],
                    establishedTo: f.to?.[0],
                    sort: state.sort,
                  },
                },
                parseAs: 'blob',
              })
            }
          />
          {rights.write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Đăng ký mô hình
            </Button>
          )}
        </Space>
      </Space>
      <Tabs
        activeKey={f.tab?.[0] ?? 'register'}
        onChange={(k) => setParam('tab', k === 'register' ? undefined : k)}
        items={[
          { key: 'register', label: 'Danh sách mô hình', children: registry },
          { key: 'members', label: 'Tìm thành viên', children: <MemberSearch /> },
        ]}
      />
      {creating && (
        <ModelFormDialog
          onClose={(created) => {
            setCreating(false);
            if (created) void navigate(`/mo-hinh/${created}`);
          }}
        />
      )}
    </>
  );
}

/** A count from the roster, with the declared total beside it when there is one. */
export function Counted({ counted, declared }: { counted: number; declared?: number }) {
  if (declared === undefined || declared === null) return <>{formatNumber(counted)}</>;
  return (
    <Tooltip
      title={`Đếm từ danh sách: ${formatNumber(counted)}; theo báo cáo: ${formatNumber(declared)}`}
    >
      <span>
        {formatNumber(counted)}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          (báo cáo {formatNumber(declared)})
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
