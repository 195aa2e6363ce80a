import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { saveDownload } from '@/lib/download';
import { problemMessage } from '@/lib/problem';

type Format = 'csv' | 'xlsx';

/**
 * "Xuất Excel/CSV" for a list: the page passes the request with its current filters, so the file
 * holds exactly what the list shows (every page of it).
 */
export function ExportButton({
  fetchFile,
  fallbackName,
}: {
  fetchFile: (format: Format) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  fallbackName: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: Format) => {
    setBusy(true);
    try {
      const name = saveDownload(await fetchFile(format), `${fallbackName}.${format}`);
      message.success(`Đã tải ${name}`);
    } catch (e) {
      message.error(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: 'Tệp Excel (.xlsx)' },
          { key: 'csv', label: 'Tệp CSV (UTF-8)' },
        ],
        onClick: ({ key }) => void run(key as Format),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy}>
        Xuất danh sách
      </Button>
    </Dropdown>
  );
}
