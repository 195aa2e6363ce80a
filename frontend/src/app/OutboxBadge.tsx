import { CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import { Badge, Button, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { useOutbox } from '@/lib/outbox';
import { useOnline } from '@/lib/useOnline';
import { useCurrentUser } from '@/lib/useSession';

/** "Chờ gửi" with the number of records still on this device, and a sign when offline. */
export function OutboxBadge({ compact }: { compact: boolean }) {
  const user = useCurrentUser();
  const waiting = useOutbox(user?.username).length;
  const online = useOnline();
  const navigate = useNavigate();
  if (online && waiting === 0) return null;
  return (
    <>
      {!online && (
        <Tag
          icon={<DisconnectOutlined />}
          color="warning"
          className="app-offline"
          role="status"
          // on a phone only the icon shows: its name is said and shown on a long press
          aria-label="Không có mạng"
          title="Không có mạng: bản ghi mới được lưu trên máy và tự gửi khi có mạng"
        >
          {compact ? '' : 'Không có mạng'}
        </Tag>
      )}
      <Badge count={waiting} size="small" offset={[-6, 6]}>
        <Button
          className="app-header-button app-outbox"
          type="text"
          icon={<CloudUploadOutlined />}
          aria-label={`Chờ gửi: ${waiting} bản ghi`}
          data-testid="outbox-count"
          data-count={waiting}
          onClick={() => void navigate('/cho-gui')}
        >
          {compact ? null : 'Chờ gửi'}
        </Button>
      </Badge>
    </>
  );
}
