// the route pages, loaded when first visited
export { IndicatorsPage } from './components/IndicatorsPage';
export { IndicatorReportPage } from './components/IndicatorReportPage';
