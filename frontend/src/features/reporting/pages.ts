// the route page, loaded when first visited
export { CompletenessPage } from './components/CompletenessPage';
