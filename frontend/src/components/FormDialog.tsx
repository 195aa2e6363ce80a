import { Alert, Grid, Modal } from 'antd';
import type { ReactNode } from 'react';

interface FormDialogProps {
  title: ReactNode;
  okText: string;
  onOk: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
  width?: number;
  /** A message from the server that no field could show. */
  error?: string;
  children: ReactNode;
}

/**
 * The dialog around every form: Vietnamese buttons, the error on top, nothing kept when closed; on
 * a phone it takes the whole screen.
 */
export function FormDialog({
  title,
  okText,
  onOk,
  onCancel,
  busy,
  danger,
  width = 640,
  error,
  children,
}: FormDialogProps) {
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="Hủy"
      onOk={onOk}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={danger ? { danger: true } : undefined}
      destroyOnHidden
      width={phone ? '100vw' : width}
      className={phone ? 'dialog-phone' : undefined}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
      )}
      {children}
    </Modal>
  );
}
