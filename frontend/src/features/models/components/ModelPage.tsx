import type { ReactNode } from 'react';
import { ArrowLeftOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { AuditTimeline } from '@/components/AuditTimeline';
import { NotFound } from '@/components/NotFound';
import { formatDate } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useCurrentUser, useRights } from '@/lib/useSession';
import { ApiError } from '@/lib/api/client';
import {
  useModelDetail,
  type ModelDetail,
  type ModelStatus,
  type RecognitionLevel,
} from '../api/models';
import {
  LEAD_ORG_LABELS,
  RECOGNITION_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  TARGET_LABELS,
  TRANSITION_ACTIONS,
} from '../labels';
import { RecognitionDialog, TransitionDialog } from './LifecycleDialogs';
import { ModelFormDialog } from './ModelFormDialog';
import { Counted } from './ModelsPage';
import { RosterTab } from './RosterTab';

const AUDIT_FIELDS: Record<string, string> = {
  name: 'Tên',
  typeId: 'Loại (mã)',
  unitId: 'Đơn vị (mã)',
  leadOrganisations: 'Chủ trì',
  establishedOn: 'Ngày thành lập',
  description: 'Mô tả',
  targetCommunities: 'Đối tượng',
  declaredTeams: 'Số tổ theo báo cáo',
  declaredMembers: 'Số thành viên theo báo cáo',
  status: 'Trạng thái',
  date: 'Ngày',
  reason: 'Lý do',
  sites: 'Đơn vị nhân rộng (mã)',
  recognition: 'Công nhận',
  team: 'Tổ',
  member: 'Thành viên',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  role: 'Vai trò',
  phone: 'Điện thoại',
  address: 'Địa chỉ',
  joinedOn: 'Ngày vào tổ',
  leftOn: 'Ngày rời tổ',
  dissolvedOn: 'Ngày giải thể',
  teamsCreated: 'Tổ tạo mới',
  membersCreated: 'Thành viên thêm',
  members: 'Số thành viên xuất',
  masked: 'Đã che thông tin cá nhân',
};

const AUDIT_VALUES: Record<string, string> = {
  ...STATUS_LABELS,
  LEADER: 'Tổ trưởng',
  DEPUTY: 'Tổ phó',
  MEMBER: 'Tổ viên',
  MALE: 'Nam',
  FEMALE: 'Nữ',
};

type Dialog =
  | { kind: 'none' }
  | { kind: 'edit' }
  | { kind: 'transition'; to: ModelStatus }
  | { kind: 'recognize' };

/** One model: overview, teams and members, history, recognitions; life-cycle buttons on top. */
/** A model's page; `awardsOf` adds its awards (composed by the app). */
export function ModelPage({ awardsOf }: { awardsOf?: (modelId: number) => ReactNode } = {}) {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const detail = useModelDetail(id);
  const rights = useRights();
  const user = useCurrentUser();
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });

  if (detail.isLoading) return <Skeleton active />;
  if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFound />;
  if (detail.isError || !detail.data)
    return <Alert type="error" showIcon title={problemMessage(detail.error)} />;
  const { model, etag } = detail.data;
  const canWrite = rights.write && model.status !== 'RETIRED';
  const recognitionLevels: RecognitionLevel[] =
    user?.role === 'COMMUNE_OFFICER' ? ['COMMUNE'] : ['COMMUNE', 'PROVINCE', 'MINISTRY'];
  const tab = params.get('tab') ?? 'overview';

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            title: (
              <Link to="/mo-hinh">
                <ArrowLeftOutlined /> Mô hình
              </Link>
            ),
          },
          { title: model.name },
        ]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {model.name}
            </Typography.Title>
            <Space style={{ marginTop: 8 }} wrap>
              <Tag color={STATUS_COLORS[model.status]} data-testid="model-status">
                {STATUS_LABELS[model.status]} từ {formatDate(model.statusSince)}
              </Tag>
              {model.recognitionLevel && (
                <Tag color="gold" icon={<TrophyOutlined />}>
                  {RECOGNITION_LABELS[model.recognitionLevel]}
                </Tag>
              )}
              <Typography.Text type="secondary">
                {model.type.name} · {model.unit.name}
              </Typography.Text>
            </Space>
          </div>
          {rights.write && (
            <Space wrap>
              {canWrite && (
                <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                  Sửa
                </Button>
              )}
              {model.allowedTransitions.map((to) => (
                <Button
                  key={to}
                  type={to === 'RETIRED' ? 'default' : 'primary'}
                  danger={to === 'RETIRED'}
                  ghost={to !== 'RETIRED'}
                  onClick={() => setDialog({ kind: 'transition', to })}
                >
                  {TRANSITION_ACTIONS[to]}
                </Button>
              ))}
              {canWrite && user?.role !== 'INTEGRATION' && (
                <Button icon={<TrophyOutlined />} onClick={() => setDialog({ kind: 'recognize' })}>
                  Công nhận điển hình
                </Button>
              )}
            </Space>
          )}
        </Space>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams((p) => {
            const next = new URLSearchParams(p);
            if (k === 'overview') next.delete('tab');
            else next.set('tab', k);
            return next;
          })
        }
        items={[
          { key: 'overview', label: 'Tổng quan', children: <Overview model={model} /> },
          {
            key: 'roster',
            label: `Tổ & thành viên (${model.teamCount} tổ, ${model.memberCount} người)`,
            children: <RosterTab model={model} canWrite={canWrite} />,
          },
          {
            key: 'history',
            label: 'Lịch sử',
            children: rights.audit ? (
              <AuditTimeline
                entityType="MODEL"
                entityId={model.id}
                fields={AUDIT_FIELDS}
                show={(v) => (typeof v === 'string' ? AUDIT_VALUES[v] : undefined)}
              />
            ) : (
              <Empty description="Lịch sử thay đổi dành cho cán bộ cấp tỉnh và quản trị viên" />
            ),
          },
          {
            key: 'awards',
            label: 'Khen thưởng',
            children: <Awards model={model} awardsOf={awardsOf} />,
          },
        ]}
      />
      {dialog.kind === 'edit' && (
        <ModelFormDialog editing={{ model, etag }} onClose={() => setDialog({ kind: 'none' })} />
      )}
      {dialog.kind === 'transition' && (
        <TransitionDialog
          model={model}
          etag={etag}
          to={dialog.to}
          onClose={() => setDialog({ kind: 'none' })}
        />
      )}
      {dialog.kind === 'recognize' && (
        <RecognitionDialog
          model={model}
          etag={etag}
          levels={recognitionLevels}
          onClose={() => setDialog({ kind: 'none' })}
        />
      )}
    </>
  );
}

function Overview({ model }: { model: ModelDetail }) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="Lĩnh vực">{model.field.name}</Descriptions.Item>
        <Descriptions.Item label="Loại mô hình">{model.type.name}</Descriptions.Item>
        <Descriptions.Item label="Đơn vị">{model.unit.name}</Descriptions.Item>
        <Descriptions.Item label="Ngày thành lập">
          {formatDate(model.establishedOn)}
        </Descriptions.Item>
        <Descriptions.Item label="Chủ trì">
          {model.leadOrganisations.map((o) => LEAD_ORG_LABELS[o]).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label="Đối tượng">
          {model.targetCommunities.map((t) => TARGET_LABELS[t]).join(', ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Số tổ">
          <Counted counted={model.teamCount} declared={model.declaredTeams} />
        </Descriptions.Item>
        <Descriptions.Item label="Số thành viên">
          <Counted counted={model.memberCount} declared={model.declaredMembers} />
        </Descriptions.Item>
        <Descriptions.Item label="Mô tả" span={2}>
          {model.description ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title="Quá trình hoạt động">
        <Timeline
          items={[
            {
              key: 'start',
              title: formatDate(model.establishedOn),
              content: 'Thành lập, đăng ký mô hình',
            },
            ...model.statusHistory.map((h, i) => ({
              key: i,
              color: STATUS_COLORS[h.toStatus] === 'default' ? 'gray' : STATUS_COLORS[h.toStatus],
              title: formatDate(h.date),
              content: (
                <div>
                  <b>{STATUS_LABELS[h.toStatus]}</b> — {h.actorName}
                  {h.reason && <div>Lý do: {h.reason}</div>}
                  {h.note && <div>{h.note}</div>}
                </div>
              ),
            })),
          ]}
        />
      </Card>
      {model.sites.length > 0 && (
        <Card size="small" title="Nơi nhân rộng">
          <List
            size="small"
            dataSource={model.sites}
            renderItem={(s) => (
              <List.Item>
                {s.unit.name} — từ {formatDate(s.since)}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}

function Awards({
  model,
  awardsOf,
}: {
  model: ModelDetail;
  awardsOf?: (modelId: number) => ReactNode;
}) {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {model.recognitions.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="Mô hình chưa được công nhận điển hình"
        />
      ) : (
        <List
          header={<b>Công nhận điển hình</b>}
          bordered
          dataSource={model.recognitions}
          renderItem={(r) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  <Tag color="gold">{RECOGNITION_LABELS[r.level]}</Tag> Quyết định số{' '}
                  {r.decisionNumber} ngày {formatDate(r.decisionDate)}
                </span>
                {r.authority && <Typography.Text type="secondary">{r.authority}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {awardsOf?.(model.id)}
    </Space>
  );
}
