export { UnitsPage } from './components/UnitsPage';
export { UnitPicker } from './components/UnitPicker';
export { unitListQuery, unitDetailQuery, useUnitList, type Unit, type UnitKind } from './api/units';
export { UNIT_KIND_LABELS } from './components/unitKinds';
