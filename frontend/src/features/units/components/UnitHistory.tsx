import { AuditTimeline } from '@/components/AuditTimeline';
import type { UnitKind } from '../api/units';
import { UNIT_KIND_LABELS } from '@/lib/unitKinds';

const FIELDS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  parentId: 'Cấp trên (mã định danh)',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hết hiệu lực',
  successorId: 'Đơn vị kế thừa (mã định danh)',
  predecessorIds: 'Đơn vị bị sáp nhập (mã định danh)',
};

/** Lịch sử of a unit. */
export function UnitHistory({ unitId }: { unitId: number }) {
  return (
    <AuditTimeline
      entityType="UNIT"
      entityId={unitId}
      fields={FIELDS}
      show={(v, field) =>
        field === 'kind' && typeof v === 'string' && v in UNIT_KIND_LABELS
          ? UNIT_KIND_LABELS[v as UnitKind]
          : undefined
      }
    />
  );
}
