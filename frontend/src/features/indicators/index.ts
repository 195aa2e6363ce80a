// what the dashboard shows, in its script; the route pages are in ./pages (loaded on their own)
export { PendingCard } from './components/PendingCard';
