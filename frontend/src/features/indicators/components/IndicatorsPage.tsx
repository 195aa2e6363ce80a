import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Space, Switch, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FilterCard, SelectFilter } from '@/components/ListFilters';
import { PagedTable } from '@/components/PagedTable';
import { PageHeader } from '@/components/PageHeader';
import { UnitPicker } from '@/components/UnitPicker';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useListPage, type ListPageState } from '@/lib/useListPage';
import { useRights } from '@/lib/useSession';
import {
  STATUS_COLORS,
  STATUS_LABELS,
  useIndicatorReports,
  type IndicatorReport,
  type IndicatorReportStatus,
} from '../api/indicators';
import { NewPeriodDialog } from './NewPeriodDialog';

const FILTERS = ['status', 'year', 'unitId', 'awaitingMe'] as const;

/** Số liệu báo cáo: the periods of the user's territory, their state, what waits for approval. */
export function IndicatorsPage() {
  const page = useListPage(FILTERS);
  const rights = useRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useIndicatorReports({
    status: page.text('status') as IndicatorReportStatus | undefined,
    year: page.id('year'),
    unitId: page.id('unitId'),
    awaitingMe: page.text('awaitingMe') === 'true' ? true : undefined,
    ...page.paging,
    sort: page.state.sort,
  });
  return (
    <>
      <PageHeader
        title="Số liệu báo cáo"
        actions={
          rights.write && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Nhập số liệu kỳ mới
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        Số liệu hệ thống không tự tính được (tin báo, nguồn tin, đối tượng được làm rõ…): đơn vị
        nhập theo tháng hoặc quý rồi gửi; cấp tỉnh duyệt hoặc trả lại. Kỳ đã duyệt được khóa và được
        tính vào báo cáo; muốn sửa thì tạo bản điều chỉnh.
      </Typography.Paragraph>
      <IndicatorFilters page={page} reviewer={rights.reorganise} />
      <PagedTable
        query={list}
        columns={indicatorColumns(page)}
        paging={page.paging}
        onChange={page.onChange}
        noun="kỳ báo cáo"
        empty="Chưa có kỳ báo cáo phù hợp"
        onOpen={(r) => void navigate(`/so-lieu/${r.id}`)}
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

/** State, year and unit; a reviewer may keep to the periods that wait for them. */
function IndicatorFilters({ page, reviewer }: { page: ListPageState; reviewer: boolean }) {
  const thisYear = dayjs().year();
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear - i));
  const rights = { reorganise: reviewer };
  return (
    <FilterCard>
      <SelectFilter
        table={page}
        name="status"
        label="Trạng thái"
        placeholder="Mọi trạng thái"
        options={(Object.keys(STATUS_LABELS) as IndicatorReportStatus[])
          .filter((s) => s !== 'SUPERSEDED')
          .map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        md={5}
      />
      <SelectFilter
        table={page}
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
          value={page.id('unitId')}
          onChange={(v) => page.setFilter('unitId', v === undefined ? undefined : String(v))}
        />
      </Col>
      {rights.reorganise && (
        <Col xs={24} md={6}>
          <Space style={{ height: '100%' }}>
            <Switch
              aria-label="Chỉ những kỳ chờ tôi duyệt"
              checked={page.text('awaitingMe') === 'true'}
              onChange={(on) => page.setFilter('awaitingMe', on ? 'true' : undefined)}
            />
            <span>Chỉ những kỳ chờ tôi duyệt</span>
          </Space>
        </Col>
      )}
    </FilterCard>
  );
}

function indicatorColumns({ state, sortOrderOf }: ListPageState): ColumnsType<IndicatorReport> {
  return [
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
      render: (s: IndicatorReportStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
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
      render: formatDateTime,
    },
    {
      title: 'Duyệt, trả lại',
      key: 'reviewed',
      width: 200,
      render: (_, r) =>
        r.reviewedAt ? (
          <Space orientation="vertical" size={0}>
            <span>{formatDateTime(r.reviewedAt)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.reviewedBy}
            </Typography.Text>
          </Space>
        ) : null,
    },
  ];
}
