export { ModelsPage } from './components/ModelsPage';
export { ModelPage } from './components/ModelPage';
export { MemberDialog } from './components/MemberDialog';
