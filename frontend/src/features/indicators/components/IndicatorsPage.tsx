import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FilterCard, SelectFilter } from '@/components/ListFilters';
import { UnitPicker } from '@/components/UnitPicker';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useRights } from '@/lib/useSession';
import { useTableParams } from '@/lib/useTableParams';
import {
  STATUS_COLORS,
  STATUS_LABELS,
  useIndicatorReports,
  type IndicatorReport,
  type IndicatorReportStatus,
} from '../api/indicators';
import { NewPeriodDialog } from './NewPeriodDialog';

const FILTERS = ['status', 'year', 'unitId', 'awaitingMe'] as const;

function dateTime(iso?: string) {
  return iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '';
}

/** Số liệu báo cáo: the periods of the user's territory, their state, what waits for approval. */
export function IndicatorsPage() {
  const table = useTableParams(FILTERS);
  const { state, onChange, setFilter, sortOrderOf } = table;
  const f = state.filters;
  const rights = useRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const filter = {
    status: f.status?.[0] as IndicatorReportStatus | undefined,
    year: f.year?.[0] ? Number(f.year[0]) : undefined,
    unitId: f.unitId?.[0] ? Number(f.unitId[0]) : undefined,
    awaitingMe: f.awaitingMe?.[0] === 'true' ? true : undefined,
  };
  const list = useIndicatorReports({
    ...filter,
    page: state.page,
    size: state.size,
    sort: state.sort,
  });
  const thisYear = dayjs().year();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear - i));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Số liệu báo cáo
        </Typography.Title>
        {rights.write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Nhập số liệu kỳ mới
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        Số liệu hệ thống không tự tính được (tin báo, nguồn tin, đối tượng được làm rõ…): đơn vị
        nhập theo tháng hoặc quý rồi gửi; cấp tỉnh duyệt hoặc trả lại. Kỳ đã duyệt được khóa và được
        tính vào báo cáo; muốn sửa thì tạo bản điều chỉnh.
      </Typography.Paragraph>

      <FilterCard>
        <SelectFilter
          table={table}
          name="status"
          label="Trạng thái"
          placeholder="Mọi trạng thái"
          options={(Object.keys(STATUS_LABELS) as IndicatorReportStatus[])
            .filter((s) => s !== 'SUPERSEDED')
            .map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          md={5}
        />
        <SelectFilter
          table={table}
          name="year"
          label="Năm"
          placeholder="Mọi năm"
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
          md={4}
        />
        <Col xs={24} md={9}>
          <UnitPicker
            aria-label="Đơn vị báo cáo"
            placeholder="Đơn vị báo cáo: mọi đơn vị"
            value={filter.unitId}
            onChange={(v) => setFilter('unitId', v === undefined ? undefined : String(v))}
          />
        </Col>
        {rights.reorganise && (
          <Col xs={24} md={6}>
            <Space style={{ height: '100%' }}>
              <Switch
                aria-label="Chỉ những kỳ chờ tôi duyệt"
                checked={filter.awaitingMe === true}
                onChange={(on) => setFilter('awaitingMe', on ? 'true' : undefined)}
              />
              <span>Chỉ những kỳ chờ tôi duyệt</span>
            </Space>
          </Col>
        )}
      </FilterCard>

      {list.isError && (
        <Alert
          type="error"
          showIcon
          title={problemMessage(list.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<IndicatorReport>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.content}
        onChange={onChange}
        onRow={(r) => ({
          onClick: () => void navigate(`/so-lieu/${r.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{ emptyText: 'Chưa có kỳ báo cáo phù hợp' }}
        pagination={{
          current: state.page + 1,
          pageSize: state.size,
          total: list.data?.totalElements,
          showSizeChanger: true,
          showTotal: (t) => `${formatNumber(t)} kỳ báo cáo`,
        }}
        columns={[
          {
            title: 'Kỳ',
            dataIndex: 'periodStart',
            key: 'periodStart',
            width: 150,
            sorter: true,
            sortOrder: sortOrderOf('periodStart') ?? (state.sort ? null : 'descend'),
            render: (_: string, r) => <Typography.Link>{r.periodLabel}</Typography.Link>,
          },
          { title: 'Đơn vị', key: 'unit', render: (_, r) => r.unit.name },
          {
            title: 'Bản',
            dataIndex: 'revision',
            key: 'revision',
            width: 110,
            render: (n: number) => (n === 1 ? 'Bản đầu' : `Điều chỉnh lần ${n - 1}`),
          },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            key: 'status',
            width: 190,
            render: (s: IndicatorReportStatus) => (
              <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>
            ),
          },
          {
            title: 'Chỉ tiêu đã nhập',
            key: 'values',
            width: 130,
            align: 'right',
            render: (_, r) => formatNumber(r.values.length),
          },
          {
            title: 'Gửi lúc',
            dataIndex: 'submittedAt',
            key: 'submittedAt',
            width: 150,
            sorter: true,
            sortOrder: sortOrderOf('submittedAt'),
            render: dateTime,
          },
          {
            title: 'Duyệt, trả lại',
            key: 'reviewed',
            width: 200,
            render: (_, r) =>
              r.reviewedAt ? (
                <Space orientation="vertical" size={0}>
                  <span>{dateTime(r.reviewedAt)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.reviewedBy}
                  </Typography.Text>
                </Space>
              ) : null,
          },
        ]}
      />
      {creating && (
        <NewPeriodDialog
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/so-lieu/${id}`);
          }}
        />
      )}
    </>
  );
}
