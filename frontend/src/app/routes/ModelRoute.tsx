import { AwardsTab } from '@/features/awards';
import { ModelPage } from '@/features/models';

/** A model's page, with the awards of the model and its members from the awards feature. */
export function ModelRoute() {
  return (
    <ModelPage
      awardsOf={(modelId) => (
        <AwardsTab modelId={modelId} title="Khen thưởng mô hình và thành viên" />
      )}
    />
  );
}
