export { SafetyPage } from './components/SafetyPage';
