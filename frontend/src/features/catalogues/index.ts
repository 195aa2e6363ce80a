export { CataloguesTab } from './components/CataloguesTab';
export { useCatalogue, type CatalogueItem } from './api/catalogues';
