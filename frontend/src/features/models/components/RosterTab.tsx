import { DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '@/lib/api/client';
import { saveDownload } from '@/lib/download';
import { formatDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useTeams, type Member, type ModelDetail, type Team } from '../api/models';
import { RosterImportDialog } from './RosterImportDialog';
import { TeamDialog } from './TeamDialog';
import { MemberDialog } from './MemberDialog';
import { TeamMembers } from './TeamMembers';

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
        <MemberDialog
          modelId={model.id}
          teamId={dialog.teamId}
          place={`${teams.data?.find((t) => t.id === dialog.teamId)?.name ?? 'Tổ'} — ${model.name}`}
          member={dialog.member}
          onClose={close}
        />
      )}
      {dialog.kind === 'import' && <RosterImportDialog model={model} onClose={close} />}
    </>
  );
}
