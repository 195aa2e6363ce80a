import {
  CheckOutlined,
  DeleteOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { IndicatorReport } from '../api/indicators';

/** What the buttons of a period do. */
export interface IndicatorActionHandlers {
  saveDraft: () => void;
  submit: () => void;
  remove: () => void;
  approve: () => void;
  return: () => void;
  revise: () => void;
}

/**
 * The buttons a period offers its reader: a draft is saved, sent or deleted by its unit; a sent
 * period is approved or returned by the level above; an approved one is corrected by a revision.
 */
export function IndicatorActions({
  r,
  busy,
  canRevise,
  on,
}: {
  r: IndicatorReport;
  busy: boolean;
  canRevise: boolean;
  on: IndicatorActionHandlers;
}) {
  return (
    <Space wrap>
      {r.canEdit && (
        <>
          <Button icon={<EditOutlined />} onClick={on.saveDraft} loading={busy}>
            Lưu nháp
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={on.submit} loading={busy}>
            Gửi duyệt
          </Button>
          <Popconfirm
            title="Xóa kỳ báo cáo này?"
            description="Số liệu đã nhập của kỳ sẽ bị xóa."
            okText="Xóa"
            cancelText="Không"
            onConfirm={on.remove}
          >
            <Button danger icon={<DeleteOutlined />}>
              Xóa
            </Button>
          </Popconfirm>
        </>
      )}
      {r.canReview && (
        <>
          <Popconfirm
            title={`Duyệt số liệu ${r.periodLabel} của ${r.unit.name}?`}
            description="Kỳ đã duyệt được khóa và được tính vào báo cáo."
            okText="Duyệt"
            cancelText="Không"
            onConfirm={on.approve}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={busy}>
              Duyệt
            </Button>
          </Popconfirm>
          <Button icon={<RollbackOutlined />} onClick={on.return}>
            Trả lại
          </Button>
        </>
      )}
      {r.status === 'APPROVED' && canRevise && (
        <Button icon={<EditOutlined />} onClick={on.revise}>
          Tạo bản điều chỉnh
        </Button>
      )}
    </Space>
  );
}
