// route pages and dialogs, loaded on their own when needed
export { AdminPage } from './components/AdminPage';
export { ReauthModal } from './components/ReauthModal';
