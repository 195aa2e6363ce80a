// the session's pieces, in the first script (sign-in); the administration page is in ./pages
export { LoginPage } from './components/LoginPage';
