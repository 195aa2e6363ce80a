import { Alert, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatNumber } from '@/lib/format';
import { isRunning, type ImportJob } from '../api/imports';
import { ScrollRegion } from '@/components/ScrollRegion';

export type RowError = ImportJob['errors'][number];

export const STATE: Record<ImportJob['state'], { color: string; label: string }> = {
  QUEUED: { color: 'default', label: 'Đang chờ' },
  RUNNING: { color: 'processing', label: 'Đang chạy' },
  SUCCEEDED: { color: 'success', label: 'Xong' },
  FAILED: { color: 'error', label: 'Thất bại' },
};

export function percent(job?: ImportJob) {
  if (!job || job.total === 0) return 0;
  return Math.floor((job.done / job.total) * 100);
}

/** Progress, counts and rejected rows of one job. */
export function JobResult({ job }: { job: ImportJob }) {
  const columns: ColumnsType<RowError> = [
    { title: 'Dòng', dataIndex: 'index', key: 'index', width: 80 },
    { title: 'Mã (externalId)', dataIndex: 'externalId', key: 'externalId', width: 180 },
    {
      title: 'Lỗi',
      key: 'violations',
      render: (_, r) => (
        <ul className="import-errors">
          {(r.violations ?? []).map((v, i) => (
            <li key={i}>
              <Typography.Text code>{v.field}</Typography.Text> {v.message}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Progress
        percent={percent(job)}
        status={job.state === 'FAILED' ? 'exception' : isRunning(job) ? 'active' : 'success'}
        format={() => `${formatNumber(job.done)}/${formatNumber(job.total)} dòng`}
        aria-label="Tiến độ"
      />
      <Descriptions size="small" column={{ xs: 1, sm: 3, md: 6 }} bordered>
        <Descriptions.Item label="Trạng thái">
          <Tag color={STATE[job.state].color}>{STATE[job.state].label}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={job.dryRun ? 'Sẽ thêm mới' : 'Thêm mới'}>
          {formatNumber(job.counts.created)}
        </Descriptions.Item>
        <Descriptions.Item label={job.dryRun ? 'Sẽ cập nhật' : 'Cập nhật'}>
          {formatNumber(job.counts.updated)}
        </Descriptions.Item>
        <Descriptions.Item label="Không đổi">
          {formatNumber(job.counts.unchanged)}
        </Descriptions.Item>
        <Descriptions.Item label="Xóa">{formatNumber(job.counts.deleted)}</Descriptions.Item>
        <Descriptions.Item label="Dòng lỗi">
          <Typography.Text type={job.counts.rejected ? 'danger' : undefined}>
            {formatNumber(job.counts.rejected)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {job.message && <Alert type="error" showIcon title={job.message} />}
      {job.errors.length > 0 && (
        <ScrollRegion label="Bảng các dòng lỗi">
          <Table<RowError>
            size="small"
            rowKey="index"
            columns={columns}
            dataSource={job.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            data-testid="import-errors"
          />
        </ScrollRegion>
      )}
    </Space>
  );
}
