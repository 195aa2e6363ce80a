// the route page, loaded when first visited
export { ReportPage } from './components/ReportPage';
