export { CompletenessPage } from './components/CompletenessPage';
export { CompletenessCard } from './components/CompletenessCard';
