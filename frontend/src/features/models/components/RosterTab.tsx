import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  UploadOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDialog } from '@/components/FormDialog';
import { UnitPicker } from '@/components/UnitPicker';
import { api } from '@/lib/api/client';
import { saveDownload } from '@/lib/download';
import { formatDate, todayIso } from '@/lib/format';
import { applyViolations, problemMessage } from '@/lib/problem';
import {
  useDeleteMember,
  useMembers,
  useSaveMember,
  useSaveTeam,
  useTeams,
  type Member,
  type MemberInput,
  type ModelDetail,
  type Team,
} from '../api/models';
import { GENDER_LABELS, options, ROLE_LABELS } from '../labels';
import { RosterImportDialog } from './RosterImportDialog';

type Dialog =
  | { kind: 'none' }
  | { kind: 'team'; team?: Team }
  | { kind: 'member'; teamId: number; member?: Member }
  | { kind: 'import' };

/** Tổ & thành viên: teams with their leaders and counts, each opening its roster. */
export function RosterTab({ model, canWrite }: { model: ModelDetail; canWrite: boolean }) {
  const teams = useTeams(model.id);
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const { message } = App.useApp();
  const close = () => setDialog({ kind: 'none' });

  const exportCsv = async () => {
    try {
      saveDownload(
        await api.GET('/api/models/{id}/roster.csv', {
          params: { path: { id: model.id } },
          parseAs: 'blob',
        }),
        `danh-sach-thanh-vien-${model.id}.csv`,
      );
    } catch (e) {
      message.error(problemMessage(e));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {canWrite && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'team' })}>
              Thêm tổ
            </Button>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setDialog({ kind: 'import' })}
            >
              Nhập danh sách từ Excel/CSV
            </Button>
          </>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()}>
          Xuất danh sách (CSV)
        </Button>
      </Space>
      {teams.isError && <Alert type="error" showIcon title={problemMessage(teams.error)} />}
      <Table<Team>
        rowKey="id"
        size="middle"
        loading={teams.isLoading}
        dataSource={teams.data}
        pagination={false}
        locale={{ emptyText: <Empty description="Chưa có tổ nào. Thêm tổ hoặc nhập danh sách." /> }}
        expandable={{
          expandedRowRender: (team) => (
            <TeamMembers
              model={model}
              team={team}
              canWrite={canWrite}
              onAdd={() => setDialog({ kind: 'member', teamId: team.id })}
              onEdit={(member) => setDialog({ kind: 'member', teamId: team.id, member })}
            />
          ),
        }}
        columns={[
          {
            title: 'Tổ',
            dataIndex: 'name',
            render: (name: string, t) => (
              <Space>
                {name}
                {t.dissolvedOn && <Tag>Giải thể {formatDate(t.dissolvedOn)}</Tag>}
              </Space>
            ),
          },
          { title: 'Địa bàn', key: 'unit', render: (_, t) => t.unit.name },
          { title: 'Tổ trưởng', key: 'leader', render: (_, t) => t.leader?.fullName ?? '—' },
          { title: 'Tổ phó', key: 'deputy', render: (_, t) => t.deputy?.fullName ?? '—' },
          { title: 'Thành viên', dataIndex: 'memberCount', align: 'right' },
          { title: 'Thành lập', dataIndex: 'establishedOn', render: formatDate },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, t: Team) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setDialog({ kind: 'team', team: t })}
                    >
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog.kind === 'team' && <TeamDialog model={model} team={dialog.team} onClose={close} />}
      {dialog.kind === 'member' && (
        <MemberDialog model={model} teamId={dialog.teamId} member={dialog.member} onClose={close} />
      )}
      {dialog.kind === 'import' && <RosterImportDialog model={model} onClose={close} />}
    </>
  );
}

function TeamMembers({
  model,
  team,
  canWrite,
  onAdd,
  onEdit,
}: {
  model: ModelDetail;
  team: Team;
  canWrite: boolean;
  onAdd: () => void;
  onEdit: (m: Member) => void;
}) {
  const members = useMembers(model.id, team.id);
  const remove = useDeleteMember(model.id);
  const { message } = App.useApp();
  return (
    <div>
      {canWrite && (
        <Button size="small" icon={<UserAddOutlined />} onClick={onAdd} style={{ marginBottom: 8 }}>
          Thêm thành viên vào {team.name}
        </Button>
      )}
      {members.data?.some((m) => m.masked) && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          Số điện thoại và địa chỉ được che: chỉ cán bộ của địa bàn mới xem được.
        </Typography.Paragraph>
      )}
      <Table<Member>
        rowKey="id"
        size="small"
        loading={members.isLoading}
        dataSource={members.data}
        pagination={false}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          {
            title: 'Giới tính',
            dataIndex: 'gender',
            render: (g: Member['gender']) => GENDER_LABELS[g],
          },
          { title: 'Năm sinh', dataIndex: 'birthYear' },
          { title: 'Vai trò', dataIndex: 'role', render: (r: Member['role']) => ROLE_LABELS[r] },
          { title: 'Điện thoại', dataIndex: 'phone' },
          { title: 'Địa chỉ', dataIndex: 'address' },
          {
            title: 'Tham gia',
            key: 'dates',
            render: (_, m) =>
              m.leftOn
                ? `${formatDate(m.joinedOn)} – ${formatDate(m.leftOn)}`
                : formatDate(m.joinedOn),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, m: Member) => (
                    <Space>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => onEdit(m)}
                        aria-label={`Sửa ${m.fullName}`}
                      />
                      <Popconfirm
                        title={`Xóa ${m.fullName} khỏi danh sách?`}
                        description="Chỉ xóa khi nhập nhầm; người rời tổ thì ghi ngày rời tổ."
                        okText="Xóa"
                        cancelText="Không"
                        onConfirm={async () => {
                          try {
                            await remove.mutateAsync(m);
                            message.success('Đã xóa');
                          } catch (e) {
                            message.error(problemMessage(e));
                          }
                        }}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`Xóa ${m.fullName}`}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

interface TeamValues {
  name: string;
  unitId: number;
  establishedOn: Dayjs;
  dissolvedOn?: Dayjs;
}

function TeamDialog({
  model,
  team,
  onClose,
}: {
  model: ModelDetail;
  team?: Team;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TeamValues>();
  const save = useSaveTeam(model.id);
  const [error, setError] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: TeamValues) => {
    try {
      await save.mutateAsync({
        team,
        body: {
          name: v.name,
          unitId: v.unitId,
          establishedOn: v.establishedOn.format('YYYY-MM-DD'),
          dissolvedOn: v.dissolvedOn?.format('YYYY-MM-DD'),
        },
      });
      message.success(team ? 'Đã lưu tổ' : `Đã thêm ${v.name}`);
      onClose();
    } catch (e) {
      if (!applyViolations(form, e)) setError(problemMessage(e));
    }
  };
  return (
    <FormDialog
      title={team ? `Sửa ${team.name}` : 'Thêm tổ'}
      okText={team ? 'Lưu' : 'Thêm'}
      onOk={() => form.submit()}
      onCancel={onClose}
      busy={save.isPending}
      width={560}
      error={error}
    >
      <Form<TeamValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          team
            ? {
                name: team.name,
                unitId: team.unit.id,
                establishedOn: dayjs(team.establishedOn),
                dissolvedOn: team.dissolvedOn ? dayjs(team.dissolvedOn) : undefined,
              }
            : { unitId: model.unit.id, establishedOn: dayjs() }
        }
      >
        <Form.Item
          name="name"
          label="Tên tổ"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên tổ' }]}
        >
          <Input maxLength={200} placeholder="Ví dụ: Tổ tự quản số 1" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Địa bàn phụ trách (thôn, khu dân cư)"
          rules={[{ required: true, message: 'Chọn địa bàn' }]}
        >
          <UnitPicker aria-label="Địa bàn phụ trách" activeOn={todayIso()} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="establishedOn"
              label="Ngày thành lập"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dissolvedOn" label="Ngày giải thể">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDialog>
  );
}

interface MemberValues {
  fullName: string;
  gender: Member['gender'];
  birthYear?: number;
  role: Member['role'];
  phone?: string;
  address?: string;
  joinedOn?: Dayjs;
  leftOn?: Dayjs;
}

function MemberDialog({
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
