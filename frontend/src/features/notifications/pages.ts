export { NotificationsPage } from './components/NotificationsPage';
export { PreferencesPage } from './components/PreferencesPage';
