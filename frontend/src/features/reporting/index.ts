// what the dashboard shows, in its script; the route page is in ./pages (loaded on its own)
export { CompletenessCard } from './components/CompletenessCard';
