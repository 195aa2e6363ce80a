export { LoginPage } from './components/LoginPage';
export { ReauthModal } from './components/ReauthModal';
