import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FilterCard, SelectFilter } from '@/components/ListFilters';
import { PagedTable } from '@/components/PagedTable';
import { UnitPicker } from '@/components/UnitPicker';
import { api, unwrap } from '@/lib/api/client';
import { useCatalogue } from '@/lib/catalogues';
import { formatDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useListPage, type ListPageState } from '@/lib/useListPage';
import { useRights } from '@/lib/useSession';
import { useSafetyAssessments, type SafetyAssessment } from '../api/safety';
import { AssessmentDialog } from './AssessmentDialog';

const FILTERS = ['unitId', 'year', 'targetId', 'met'] as const;

/** The yearly assessments: filters, the list, and the dialog that assesses a unit. */
export function Assessments() {
  const page = useListPage(FILTERS);
  const rights = useRights();
  const { message } = App.useApp();
  const targets = useCatalogue('SAFETY_TARGET');
  const [editing, setEditing] = useState<
    { assessment: SafetyAssessment; etag: string } | 'new' | null
  >(null);
  const met = page.text('met');
  const list = useSafetyAssessments({
    unitId: page.id('unitId'),
    year: page.id('year'),
    targetId: page.id('targetId'),
    met: met === undefined ? undefined : met === 'true',
    ...page.paging,
    sort: page.state.sort,
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
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          Kỳ đánh giá: khu dân cư từ 01/11 năm trước đến 31/10; xã, phường, cơ quan, doanh nghiệp,
          cơ sở giáo dục từ 16/11 năm trước đến 15/11. Đạt chuẩn khi đạt tất cả tiêu chí.
        </Typography.Text>
        {rights.write && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Đánh giá đơn vị
          </Button>
        )}
      </Flex>
      <FilterCard>
        <Col xs={24} md={8}>
          <UnitPicker
            aria-label="Địa bàn"
            placeholder="Địa bàn: mọi đơn vị"
            value={page.id('unitId')}
            onChange={(v) => page.setFilter('unitId', v === undefined ? undefined : String(v))}
          />
        </Col>
        <SelectFilter
          table={page}
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
          table={page}
          name="targetId"
          label="Đối tượng"
          placeholder="Mọi đối tượng"
          options={(targets.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
          md={6}
        />
        <SelectFilter
          table={page}
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
      <PagedTable
        query={list}
        columns={assessmentColumns(page)}
        paging={page.paging}
        onChange={page.onChange}
        noun="đánh giá"
        empty="Chưa có đánh giá phù hợp"
        onOpen={(a) => void open(a)}
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

function assessmentColumns({ state, sortOrderOf }: ListPageState): ColumnsType<SafetyAssessment> {
  return [
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
  ];
}
