import type { ReactNode } from 'react';
import { ArrowLeftOutlined, EditOutlined, TrophyOutlined } from '@ant-design/icons';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Empty,
  Skeleton,
  Space,
  Tabs,
  Tag,
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
import { useModelDetail, type ModelStatus, type RecognitionLevel } from '../api/models';
import { RECOGNITION_LABELS, STATUS_COLORS, STATUS_LABELS, TRANSITION_ACTIONS } from '../labels';
import { TransitionDialog } from './LifecycleDialogs';
import { RecognitionDialog } from './RecognitionDialog';
import { ModelFormDialog } from './ModelFormDialog';
import { RosterTab } from './RosterTab';
import { Overview, Awards } from './ModelOverview';
import { AUDIT_FIELDS, AUDIT_VALUES } from './modelAudit';

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
    user?.role === 'COMMUNE_OFFICER'
      ? ['COMMUNE']
      : ['COMMUNE', 'DISTRICT', 'PROVINCE', 'MINISTRY'];
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
