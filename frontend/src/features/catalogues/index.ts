export { CataloguesTab } from './components/CataloguesTab';
