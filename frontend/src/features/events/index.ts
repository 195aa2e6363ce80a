export { EventsPage } from './components/EventsPage';
