import { CloudUploadOutlined, DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Radio, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { saveDownload } from '@/lib/download';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import {
  applyPreview,
  downloadTemplate,
  isRunning,
  RESOURCE_LABELS,
  uploadPreview,
  useImportJob,
  type ImportMode,
  type ImportResourceName,
} from '../api/imports';
import { JobResult } from './JobResult';
import { RecentJobs } from './RecentJobs';

/**
 * Nhập dữ liệu: a CSV or Excel file is checked first (every row, nothing saved), the rows' errors
 * shown; then saved as a background job with a progress bar. The jobs list below follows them.
 */
export function ImportPage() {
  const { message } = App.useApp();
  const [resource, setResource] = useState<ImportResourceName>('models');
  const [mode, setMode] = useState<ImportMode>('all');
  const [uploading, setUploading] = useState<number | undefined>();
  const [previewId, setPreviewId] = useState<number | undefined>();
  const [appliedId, setAppliedId] = useState<number | undefined>();
  const [applyKey] = useState(() => crypto.randomUUID());
  const preview = useImportJob(previewId);
  const applied = useImportJob(appliedId);
  const upload = async (file: File) => {
    setPreviewId(undefined);
    setAppliedId(undefined);
    setUploading(0);
    try {
      const job = await uploadPreview(resource, mode, file, setUploading);
      setPreviewId(job.id);
    } catch (e) {
      message.error(problemMessage(e));
    } finally {
      setUploading(undefined);
    }
  };

  const save = async () => {
    if (!previewId) return;
    try {
      const job = await applyPreview(previewId, `${applyKey}-${previewId}`);
      setAppliedId(job.id);
    } catch (e) {
      message.error(problemMessage(e));
    }
  };

  const template = async () => {
    try {
      saveDownload(await downloadTemplate(resource), `mau-nhap-${resource}.csv`);
    } catch (e) {
      message.error(problemMessage(e));
    }
  };

  const p = preview.data;
  const blocked = p !== undefined && p.mode === 'all' && p.counts.rejected > 0;
  const toSave = p ? p.counts.created + p.counts.updated + p.counts.deleted : 0;
  const canSave = p?.state === 'SUCCEEDED' && !blocked && !appliedId && toSave > 0;

  return (
    <>
      <Typography.Title level={3}>Nhập dữ liệu từ tệp</Typography.Title>
      <Card title="1. Chọn dữ liệu và tệp" size="small" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>Loại dữ liệu</span>
            <Select<ImportResourceName>
              value={resource}
              onChange={(v) => {
                setResource(v);
                setPreviewId(undefined);
                setAppliedId(undefined);
              }}
              style={{ width: 230, maxWidth: '100%' }}
              aria-label="Loại dữ liệu"
              options={Object.entries(RESOURCE_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
            />
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as ImportMode)}
              options={[
                { value: 'all', label: 'Lưu tất cả hoặc không lưu gì' },
                { value: 'partial', label: 'Lưu các dòng hợp lệ, bỏ qua dòng lỗi' },
              ]}
            />
            <Button icon={<DownloadOutlined />} onClick={() => void template()}>
              Tải tệp mẫu (CSV)
            </Button>
          </Space>
          <Typography.Text type="secondary">
            Dòng đầu là tên cột như tệp mẫu. Cột <Typography.Text code>externalId</Typography.Text>{' '}
            là mã của bản ghi trong hệ thống của đơn vị: nhập lại cùng tệp không tạo bản ghi trùng,
            chỉ cập nhật dòng đã đổi. Cột danh sách ghi các giá trị cách nhau bởi dấu chấm phẩy.
          </Typography.Text>
          <Upload.Dragger
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
            disabled={uploading !== undefined}
          >
            <p className="ant-upload-drag-icon">
              <CloudUploadOutlined />
            </p>
            <p className="ant-upload-text">Kéo thả hoặc bấm để chọn tệp .csv hoặc .xlsx</p>
            <p className="ant-upload-hint">
              Tối đa 10 MB, 100.000 dòng. Tệp được kiểm tra trước, chưa lưu gì.
            </p>
          </Upload.Dragger>
          {uploading !== undefined && <Progress percent={uploading} size="small" />}
        </Space>
      </Card>

      {p && (
        <Card title="2. Kết quả kiểm tra (chưa lưu)" size="small" style={{ marginBottom: 16 }}>
          <JobResult job={p} />
          {p.state === 'SUCCEEDED' && (
            <Space style={{ marginTop: 12 }} wrap>
              {blocked ? (
                <Alert
                  type="warning"
                  showIcon
                  title="Tệp còn dòng lỗi: sửa các dòng trên rồi tải lại, hoặc chọn “Lưu các dòng hợp lệ” và tải lại."
                />
              ) : (
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!canSave}
                  onClick={() => void save()}
                >
                  Lưu vào hệ thống
                </Button>
              )}
            </Space>
          )}
        </Card>
      )}

      {applied.data && (
        <Card title="3. Lưu vào hệ thống" size="small" style={{ marginBottom: 16 }}>
          <JobResult job={applied.data} />
          {applied.data.state === 'SUCCEEDED' && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              title={`Đã lưu: ${formatNumber(applied.data.counts.created)} bản ghi mới, ${formatNumber(applied.data.counts.updated)} bản ghi cập nhật.`}
            />
          )}
        </Card>
      )}

      <RecentJobs
        running={isRunning(preview.data) || isRunning(applied.data)}
        changed={`${preview.data?.state}-${applied.data?.state}`}
      />
    </>
  );
}
