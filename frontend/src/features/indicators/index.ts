export { IndicatorsPage } from './components/IndicatorsPage';
export { IndicatorReportPage } from './components/IndicatorReportPage';
export { PendingCard } from './components/PendingCard';
