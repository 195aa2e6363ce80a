export { EventsPage } from './components/EventsPage';
export { useEvents, useProgrammes } from './api/events';
