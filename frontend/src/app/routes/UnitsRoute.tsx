import { AwardsTab } from '@/features/awards';
import { UnitsPage } from '@/features/units';

/** Đơn vị, with the awards of a unit's area from the awards feature. */
export function UnitsRoute() {
  return (
    <UnitsPage
      awardsOf={(unit) => (
        <AwardsTab unitId={unit.id} title={`Khen thưởng trên địa bàn ${unit.name}`} />
      )}
    />
  );
}
