export { EventsPage } from './components/EventsPage';
export { EventFormDialog } from './components/EventFormDialog';
