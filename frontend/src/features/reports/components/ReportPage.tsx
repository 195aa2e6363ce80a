import { Alert, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { isoDate, todayIso } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useCurrentUser } from '@/lib/useSession';
import { useReportSummary, type ReportGrouping } from '../api/reports';
import { ReportControls } from './ReportControls';
import { ReportView } from './ReportView';

/**
 * Báo cáo tổng hợp: every figure of a territory over a period, computed by the server from the
 * records (units merged into it included), by child unit and over time. Territory and period
 * live in the URL, so a report can be bookmarked and sent.
 */
export function ReportPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = {
    unitId: params.get('unitId') ? Number(params.get('unitId')) : user?.unit?.id,
    from: params.get('from') ?? isoDate(dayjs().startOf('year')),
    to: params.get('to') ?? todayIso(),
    groupBy: (params.get('groupBy') ?? undefined) as ReportGrouping | undefined,
    asOf: params.get('asOf') ?? undefined,
    depth: params.get('depth') ? Number(params.get('depth')) : undefined,
  };
  const report = useReportSummary(query);
  const set = (values: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      Object.entries(values).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
      return next;
    });
  return (
    <>
      <Typography.Title level={3}>Báo cáo tổng hợp</Typography.Title>
      <ReportControls query={query} shownGroupBy={report.data?.groupBy} set={set} />
      {report.isError && <Alert type="error" showIcon title={problemMessage(report.error)} />}
      {report.isLoading && <Skeleton active />}
      {report.data && <ReportView summary={report.data} />}
    </>
  );
}
