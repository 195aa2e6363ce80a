import { InboxOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tabs, Upload } from 'antd';
import { useState } from 'react';

/** Where a roster comes from: an uploaded Excel/CSV file, or cells pasted from Excel. */
export function RosterSource({
  onFile,
  onPaste,
}: {
  onFile: (file: File) => Promise<boolean>;
  onPaste: (text: string) => void;
}) {
  const [pasted, setPasted] = useState('');
  return (
    <Tabs
      items={[
        {
          key: 'file',
          label: 'Tải tệp Excel/CSV',
          children: (
            <Upload.Dragger
              accept=".xlsx,.csv,text/csv"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(file) => onFile(file)}
              aria-label="Tải tệp danh sách"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>Kéo tệp .xlsx hoặc .csv vào đây, hoặc bấm để chọn tệp</p>
            </Upload.Dragger>
          ),
        },
        {
          key: 'paste',
          label: 'Dán từ Excel',
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                aria-label="Dán danh sách"
                rows={6}
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
                placeholder="Chọn các ô trong Excel, sao chép (Ctrl+C) rồi dán vào đây (Ctrl+V)"
              />
              <Button onClick={() => onPaste(pasted)}>Kiểm tra</Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
