import { DeleteOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Typography } from 'antd';
import { formatDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import {
  useDeleteMember,
  useMembers,
  type Member,
  type ModelDetail,
  type Team,
} from '../api/models';
import { GENDER_LABELS, ROLE_LABELS } from '../labels';

export function TeamMembers({
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
