import { Alert, Typography } from 'antd';
import type { ReportSummary } from '../api/reports';

/**
 * Ghi chú: the rules the figures follow and what they leave out, as printed at the end of the
 * report; a warning when approved periods were left out.
 */
export function ReportNotes({ summary }: { summary: ReportSummary }) {
  const notes = summary.notes ?? [];
  if (!notes.length) return null;
  return (
    <Alert
      type={summary.leftOut.total > 0 ? 'warning' : 'info'}
      showIcon
      title="Ghi chú"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="report-notes">
          {notes.map((n) => (
            <li key={n}>
              <Typography.Text>{n}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
