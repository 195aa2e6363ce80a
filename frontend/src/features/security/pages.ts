// route pages, loaded on their own when visited
export { AdminPage } from './components/AdminPage';
