import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FieldRow } from '@/components/FormFields';
import { DraftNotice } from '@/components/DraftNotice';
import { FormDialog } from '@/components/FormDialog';
import { ApiError } from '@/lib/api/client';
import { newOutboxId, StorageFullError, type OutboxItem } from '@/lib/outbox';
import { submit as submitThroughOutbox } from '@/lib/outboxSync';
import { useFormDraft } from '@/lib/formDrafts';
import { applyViolations, problemMessage, violationFields } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import { modelKeys, useSaveMember, type Member, type MemberInput } from '../api/models';
import { GENDER_LABELS, options, ROLE_LABELS } from '../labels';
import { editedValues, memberInput, queuedValues, toDraft, type MemberValues } from './memberForm';

export type { MemberValues } from './memberForm';

/** A new member: joined today. */
const newMember = (): Partial<MemberValues> => ({
  gender: 'MALE',
  role: 'MEMBER',
  joinedOn: dayjs(),
});

/**
 * Adds or edits a team member. A new member goes through the device's queue (sent at once when
 * there is a connection, later when there is none); `queued` edits one still waiting there.
 */
export function MemberDialog({
  modelId,
  teamId,
  place,
  member,
  queued,
  onClose,
}: {
  modelId: number;
  teamId: number;
  /** "Tổ 1 — Mô hình …": shown in the queue */
  place?: string;
  member?: Member;
  queued?: OutboxItem;
  onClose: () => void;
}) {
  const [form] = Form.useForm<MemberValues>();
  const save = useSaveMember(modelId);
  const client = useQueryClient();
  const user = useCurrentUser();
  const [error, setError] = useState<string | undefined>(() =>
    queued?.problem ? problemMessage(new ApiError(queued.problem)) : undefined,
  );
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  // the server's problems with a queued record, on its fields when the form opens
  const [refusedFields] = useState(() => violationFields(queued?.problem));
  // what is typed for a new member survives a reload or a crash of the tab
  const draft = useFormDraft<MemberValues, Partial<MemberInput>>({
    user: user?.username,
    form: `member.${teamId}`,
    enabled: !member && !queued,
    toStored: toDraft,
    fromStored: queuedValues,
    instance: form,
    defaults: newMember(),
  });

  const add = async (body: MemberInput) => {
    const item: OutboxItem = queued
      ? { ...queued, label: body.fullName, request: { ...queued.request, body } }
      : {
          id: newOutboxId(),
          user: user?.username ?? '',
          kind: 'member',
          label: body.fullName,
          place,
          createdAt: new Date().toISOString(),
          request: { method: 'POST', url: `/api/models/${modelId}/teams/${teamId}/members`, body },
          photos: [],
          state: 'waiting',
          link: `/mo-hinh/${modelId}`,
          context: { modelId, teamId },
        };
    const sent = await submitThroughOutbox(
      { ...item, state: 'waiting', problem: undefined },
      { keepRefused: queued !== undefined },
    );
    void client.invalidateQueries({ queryKey: modelKeys.all });
    draft.drop();
    if (sent) message.success(`Đã thêm ${body.fullName}`);
    else message.info('Chưa có kết nối: đã lưu trên máy (mục «Chờ gửi») và sẽ tự gửi khi có mạng.');
  };

  const submit = async (v: MemberValues) => {
    const body = memberInput(v);
    setBusy(true);
    setError(undefined);
    try {
      if (member) {
        await save.mutateAsync({ teamId, member, body });
        message.success('Đã lưu thành viên');
      } else {
        await add(body);
      }
      onClose();
    } catch (e) {
      if (e instanceof StorageFullError) setError(e.message);
      else if (!applyViolations(form, e)) setError(problemMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      title={
        member
          ? `Sửa thành viên ${member.fullName}`
          : queued
            ? 'Sửa thành viên chờ gửi'
            : 'Thêm thành viên'
      }
      okText={member ? 'Lưu' : queued ? 'Gửi lại' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={() => {
        draft.drop();
        onClose();
      }}
      busy={busy}
      width={620}
      error={error}
    >
      {member?.masked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Số điện thoại và địa chỉ chỉ cán bộ của địa bàn xem và sửa được; chúng được giữ nguyên."
        />
      )}
      <DraftNotice restored={draft.restored} onDrop={draft.discard} />
      <Form<MemberValues>
        form={form}
        onValuesChange={(_, all) => draft.keep(all)}
        layout="vertical"
        fields={refusedFields}
        onFinish={submit}
        initialValues={
          member
            ? editedValues(member)
            : queued
              ? queuedValues(queued.request.body as MemberInput)
              : (draft.restored?.values ?? newMember())
        }
      >
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <FieldRow spans={[8, 8, 8]}>
          <Form.Item name="gender" label="Giới tính" rules={[{ required: true }]}>
            <Select aria-label="Giới tính" options={options(GENDER_LABELS)} />
          </Form.Item>
          <Form.Item name="birthYear" label="Năm sinh">
            <InputNumber min={1900} max={dayjs().year()} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="role" label="Vai trò" rules={[{ required: true }]}>
            <Select aria-label="Vai trò" options={options(ROLE_LABELS)} />
          </Form.Item>
        </FieldRow>
        {!member?.masked && (
          <FieldRow spans={[8, 16]}>
            <Form.Item name="phone" label="Điện thoại">
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
            <Form.Item name="address" label="Địa chỉ">
              <Input maxLength={300} />
            </Form.Item>
          </FieldRow>
        )}
        <FieldRow spans={[12, 12]}>
          <Form.Item name="joinedOn" label="Ngày vào tổ">
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
          <Form.Item name="leftOn" label="Ngày rời tổ">
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} inputReadOnly />
          </Form.Item>
        </FieldRow>
      </Form>
    </FormDialog>
  );
}
