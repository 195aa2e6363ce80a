import { Alert, App, Breadcrumb, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { useCatalogue } from '@/lib/catalogues';
import { ApiError } from '@/lib/api/client';
import { problemMessage } from '@/lib/problem';
import { useCurrentUser, useRights } from '@/lib/useSession';
import {
  STATUS_COLORS,
  STATUS_LABELS,
  useDeleteIndicatorReport,
  useIndicatorReport,
  useIndicatorRevisions,
  useIndicatorTransition,
  useReviseIndicatorReport,
  useSaveIndicatorValues,
  type IndicatorReport,
} from '../api/indicators';

import { CommentDialog } from './CommentDialog';
import { IndicatorActions, type IndicatorActionHandlers } from './IndicatorActions';
import { IndicatorFacts } from './IndicatorFacts';
import { IndicatorHistory } from './IndicatorHistory';
import { IndicatorValues, useLines } from './IndicatorValues';

const QUEUED =
  'Chưa có kết nối: số liệu được lưu trên máy (mục «Chờ gửi») và sẽ tự gửi khi có mạng.';

/** One period of a unit: its figures (editable while a draft), its review, its revisions. */
export function IndicatorReportPage() {
  const id = useParams().id;
  // a fresh screen (and fresh edits) for each period or revision opened
  return <ReportScreen key={id} id={Number(id)} />;
}

function ReportScreen({ id }: { id: number }) {
  const found = useIndicatorReport(Number.isFinite(id) ? id : undefined);
  const revisions = useIndicatorRevisions(Number.isFinite(id) ? id : undefined);
  const rights = useRights();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveIndicatorValues();
  const transition = useIndicatorTransition();
  const revise = useReviseIndicatorReport();
  const remove = useDeleteIndicatorReport();
  const report = found.data?.report;
  const indicators = useCatalogue('INDICATOR', report?.periodStart);
  // what the user changed since the last save: indicator → value (null: cleared)
  const [edits, setEdits] = useState<Record<number, number | null>>({});
  const [noteEdit, setNoteEdit] = useState<string>();
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<'return' | 'revise'>();

  const base = useLines(report, indicators.data);

  const lines = base.map((l) => (l.id in edits ? { ...l, value: edits[l.id] ?? undefined } : l));
  const note = noteEdit ?? report?.note ?? '';
  const dirty = noteEdit !== undefined || Object.keys(edits).length > 0;

  if (found.isError && found.error instanceof ApiError && found.error.status === 404)
    return <NotFound />;
  if (found.isError) return <Alert type="error" showIcon title={problemMessage(found.error)} />;
  if (!found.data || !report) return <Skeleton active />;
  const { etag } = found.data;
  const r: IndicatorReport = report;

  const values = () =>
    lines
      .filter((l) => l.value !== undefined && l.value !== null)
      .map((l) => ({ indicatorId: l.id, value: l.value ?? 0 }));

  const run = async (work: () => Promise<unknown>, done: string) => {
    setError(undefined);
    try {
      const result = await work();
      setEdits({});
      setNoteEdit(undefined);
      if (result === null) message.info(QUEUED);
      else message.success(done);
    } catch (err) {
      setError(problemMessage(err));
    }
  };

  const saveDraft = () =>
    run(
      () =>
        save.mutateAsync({
          ...{ id: r.id, etag, note: note.trim() || undefined, values: values() },
          queueAs: { user: user?.username ?? '', label: `${r.periodLabel} — ${r.unit.name}` },
        }),
      'Đã lưu số liệu',
    );

  const saveAndSubmit = () =>
    run(async () => {
      const saved = dirty
        ? await save.mutateAsync({
            id: r.id,
            etag,
            note: note.trim() || undefined,
            values: values(),
          })
        : r;
      if (!saved) return null;
      await transition.mutateAsync({
        id: r.id,
        etag: `"${saved.version}"`,
        action: 'SUBMIT',
      });
    }, `Đã gửi số liệu ${r.periodLabel} để cấp trên duyệt`);

  const busy = save.isPending || transition.isPending || revise.isPending || remove.isPending;
  const on: IndicatorActionHandlers = {
    saveDraft: () => void saveDraft(),
    submit: () => void saveAndSubmit(),
    remove: () =>
      void run(async () => {
        await remove.mutateAsync({ id: r.id, etag });
        void navigate('/so-lieu');
      }, 'Đã xóa kỳ báo cáo'),
    approve: () =>
      void run(() => transition.mutateAsync({ id: r.id, etag, action: 'APPROVE' }), 'Đã duyệt'),
    return: () => setDialog('return'),
    revise: () => setDialog('revise'),
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/so-lieu">Số liệu báo cáo</Link> },
          { title: `${r.periodLabel} — ${r.unit.name}` },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            Số liệu {r.periodLabel.charAt(0).toLowerCase() + r.periodLabel.slice(1)} — {r.unit.name}
          </Typography.Title>
          <Tag color={STATUS_COLORS[r.status]} data-testid="report-status">
            {STATUS_LABELS[r.status]}
          </Tag>
        </Space>
        <IndicatorActions r={r} busy={busy} canRevise={rights.write} on={on} />
      </Flex>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />
      )}
      <IndicatorFacts r={r} />
      <IndicatorValues
        lines={lines}
        note={note}
        editable={Boolean(r.canEdit)}
        loading={indicators.isLoading}
        onValue={(indicator, value) => setEdits({ ...edits, [indicator]: value })}
        onNote={setNoteEdit}
      />
      <IndicatorHistory r={r} revisions={revisions.data} base={base} />
      {dialog === 'return' && (
        <CommentDialog
          title={`Trả lại số liệu ${r.periodLabel} của ${r.unit.name}`}
          okText="Trả lại"
          label="Nhận xét"
          intro="Đơn vị sẽ thấy nhận xét này và sửa số liệu:"
          busy={transition.isPending}
          onCancel={() => setDialog(undefined)}
          onOk={(comment) =>
            void run(async () => {
              await transition.mutateAsync({ id: r.id, etag, action: 'RETURN', comment });
              setDialog(undefined);
            }, 'Đã trả lại để đơn vị sửa')
          }
        />
      )}
      {dialog === 'revise' && (
        <CommentDialog
          title={`Điều chỉnh số liệu ${r.periodLabel}`}
          okText="Tạo bản điều chỉnh"
          label="Lý do điều chỉnh"
          intro="Bản đã duyệt được giữ lại và vẫn được tính vào báo cáo cho đến khi bản điều chỉnh được duyệt."
          busy={revise.isPending}
          onCancel={() => setDialog(undefined)}
          onOk={(reason) =>
            void run(async () => {
              const created = await revise.mutateAsync({ id: r.id, etag, reason });
              setDialog(undefined);
              void navigate(`/so-lieu/${created.id}`);
            }, 'Đã tạo bản điều chỉnh: sửa số liệu rồi gửi duyệt')
          }
        />
      )}
    </>
  );
}
