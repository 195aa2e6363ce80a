import { Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';

/** A dialog that asks for a text (a comment, a reason) before it acts. */
export function CommentDialog({
  title,
  okText,
  label,
  intro,
  busy,
  onOk,
  onCancel,
}: {
  title: string;
  okText: string;
  label: string;
  intro: ReactNode;
  busy: boolean;
  onOk: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="Hủy"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => onOk(text)}
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Input.TextArea
        aria-label={label}
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </Modal>
  );
}
