import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { applyViolations, problemMessage } from '@/lib/problem';
import { useSaveMember, type Member, type MemberInput, type ModelDetail } from '../api/models';
import { GENDER_LABELS, options, ROLE_LABELS } from '../labels';

export interface MemberValues {
  fullName: string;
  gender: Member['gender'];
  birthYear?: number;
  role: Member['role'];
  phone?: string;
  address?: string;
  joinedOn?: Dayjs;
  leftOn?: Dayjs;
}

export function MemberDialog({
  model,
  teamId,
  member,
  onClose,
}: {
  model: ModelDetail;
  teamId: number;
  member?: Member;
  onClose: () => void;
}) {
  const [form] = Form.useForm<MemberValues>();
  const save = useSaveMember(model.id);
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: MemberValues) => {
    const body: MemberInput = {
      fullName: v.fullName,
      gender: v.gender,
      birthYear: v.birthYear ?? undefined,
      role: v.role,
      phone: v.phone || undefined,
      address: v.address || undefined,
      joinedOn: v.joinedOn?.format('YYYY-MM-DD'),
      leftOn: v.leftOn?.format('YYYY-MM-DD'),
    };
    try {
      await save.mutateAsync({ teamId, member, body });
      message.success(member ? 'Đã lưu thành viên' : `Đã thêm ${v.fullName}`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={member ? `Sửa thành viên ${member.fullName}` : 'Thêm thành viên'}
      okText={member ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
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
      <Form<MemberValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          member
            ? {
                fullName: member.fullName,
                gender: member.gender,
                birthYear: member.birthYear,
                role: member.role,
                phone: member.masked ? undefined : member.phone,
                address: member.masked ? undefined : member.address,
                joinedOn: member.joinedOn ? dayjs(member.joinedOn) : undefined,
                leftOn: member.leftOn ? dayjs(member.leftOn) : undefined,
              }
            : { gender: 'MALE', role: 'MEMBER', joinedOn: dayjs() }
        }
      >
        <Form.Item
          name="fullName"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="gender" label="Giới tính" rules={[{ required: true }]}>
              <Select aria-label="Giới tính" options={options(GENDER_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthYear" label="Năm sinh">
              <InputNumber min={1900} max={dayjs().year()} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="role" label="Vai trò" rules={[{ required: true }]}>
              <Select aria-label="Vai trò" options={options(ROLE_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        {!member?.masked && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="phone" label="Điện thoại">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="address" label="Địa chỉ">
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="joinedOn" label="Ngày vào tổ">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leftOn" label="Ngày rời tổ">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}
