// the summary the dashboard reads, in its script; the report page is in ./pages (loaded on its own)
export { useReportSummary, type ReportSummary } from './api/reports';
