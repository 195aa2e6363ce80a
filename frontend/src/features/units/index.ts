export { UnitsPage } from './components/UnitsPage';
