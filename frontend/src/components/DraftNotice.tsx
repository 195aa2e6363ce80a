import { Alert, Button } from 'antd';
import { formatTimeDate } from '@/lib/format';

/** Above a form opened again with what was typed before a reload: when, and a way to start anew. */
export function DraftNotice({
  restored,
  onDrop,
}: {
  restored?: { savedAt: string };
  onDrop: () => void;
}) {
  if (!restored) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`Đã mở lại bản nháp chưa ghi nhận (lúc ${formatTimeDate(restored.savedAt)}).`}
      action={
        <Button size="small" onClick={onDrop}>
          Bỏ bản nháp
        </Button>
      }
    />
  );
}
