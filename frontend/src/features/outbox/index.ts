export { OutboxPage, type OutboxEditors } from './components/OutboxPage';
