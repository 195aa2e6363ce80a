export { AwardsPage } from './components/AwardsPage';
export { AwardPage } from './components/AwardPage';
export { AwardPrintPage } from './components/AwardPrintPage';
export { AwardsTab } from './components/AwardsTab';
export { PowersTab } from './components/PowersTab';
