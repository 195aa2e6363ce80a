import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { formatDateTime, formatNumber } from '@/lib/format';
import {
  RESOURCE_LABELS,
  useImportJobs,
  type ImportJob,
  type ImportResourceName,
} from '../api/imports';

import { STATE } from './JobResult';
import { ScrollRegion } from '@/components/ScrollRegion';

/**
 * The last import jobs of the caller (every job for administrators), ten a page, followed while
 * one runs; `changed` names the state of the jobs the page follows (a change reloads).
 */
export function RecentJobs({ running, changed }: { running: boolean; changed: string }) {
  const [page, setPage] = useState(0);
  const jobs = useImportJobs(page, 10, running);
  const { refetch } = jobs;
  useEffect(() => {
    void refetch();
  }, [changed, refetch]);
  const jobColumns: ColumnsType<ImportJob> = [
    {
      title: 'Lúc',
      key: 'at',
      render: (_, j) => formatDateTime(j.createdAt),
      width: 150,
    },
    {
      title: 'Dữ liệu',
      key: 'resource',
      render: (_, j) => RESOURCE_LABELS[j.resource as ImportResourceName] ?? j.resource,
    },
    { title: 'Tệp', dataIndex: 'sourceName', key: 'sourceName' },
    {
      title: 'Loại',
      key: 'dry',
      render: (_, j) => (j.dryRun ? 'Kiểm tra trước' : 'Lưu'),
    },
    {
      title: 'Trạng thái',
      key: 'state',
      render: (_, j) => <Tag color={STATE[j.state].color}>{STATE[j.state].label}</Tag>,
    },
    {
      title: 'Tiến độ',
      key: 'done',
      render: (_, j) => `${formatNumber(j.done)}/${formatNumber(j.total)}`,
    },
    {
      title: 'Thêm / sửa / lỗi',
      key: 'counts',
      render: (_, j) =>
        `${formatNumber(j.counts.created)} / ${formatNumber(j.counts.updated)} / ${formatNumber(j.counts.rejected)}`,
    },
    { title: 'Người nhập', dataIndex: 'createdBy', key: 'createdBy' },
  ];
  return (
    <Card title="Các lần nhập gần đây" size="small">
      <ScrollRegion label="Bảng các lần nhập gần đây">
        <Table<ImportJob>
          size="small"
          rowKey="id"
          columns={jobColumns}
          dataSource={jobs.data?.content ?? []}
          loading={jobs.isLoading}
          pagination={{
            current: page + 1,
            pageSize: 10,
            total: jobs.data?.totalElements ?? 0,
            onChange: (n) => setPage(n - 1),
            hideOnSinglePage: true,
          }}
        />
      </ScrollRegion>
    </Card>
  );
}
