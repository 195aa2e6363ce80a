export { ReportPage } from './components/ReportPage';
export { useReportSummary, type ReportSummary } from './api/reports';
