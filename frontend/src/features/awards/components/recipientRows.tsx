import type { AwardRecipient, AwardRecipientInput } from '../api/awards';

let nextKey = 0;

/** One line of the recipients grid, as the officer edits it. */
export interface RecipientRow {
  key: string;
  kind: 'UNIT' | 'MODEL' | 'PERSON';
  unitId?: number;
  modelId?: number;
  modelName?: string;
  memberId?: number;
  fullName?: string;
  position?: string;
  error?: string;
}

export function newRow(
  kind: RecipientRow['kind'],
  values: Partial<RecipientRow> = {},
): RecipientRow {
  nextKey += 1;
  return { key: `r${nextKey}`, kind, ...values };
}

export function rowsOf(recipients: AwardRecipient[]): RecipientRow[] {
  return recipients.map((r) =>
    r.kind === 'INDIVIDUAL'
      ? newRow('PERSON', {
          fullName: r.name,
          position: r.position,
          unitId: r.unit.id,
          memberId: r.memberId,
        })
      : r.model
        ? newRow('MODEL', { modelId: r.model.id, modelName: r.model.name })
        : newRow('UNIT', { unitId: r.unit.id }),
  );
}

/** The rows as the API wants them, or the rows marked with what is missing. */
export function toInput(
  rows: RecipientRow[],
): { ok: true; recipients: AwardRecipientInput[] } | { ok: false; rows: RecipientRow[] } {
  let ok = true;
  const checked = rows.map((r) => {
    const error =
      r.kind === 'UNIT' && !r.unitId
        ? 'Chọn đơn vị được khen'
        : r.kind === 'MODEL' && !r.modelId
          ? 'Chọn mô hình được khen'
          : r.kind === 'PERSON' && !r.fullName?.trim()
            ? 'Nhập họ và tên'
            : r.kind === 'PERSON' && !r.unitId
              ? 'Chọn đơn vị công tác hoặc nơi ở'
              : undefined;
    if (error) ok = false;
    return { ...r, error };
  });
  if (!ok) return { ok: false, rows: checked };
  return {
    ok: true,
    recipients: rows.map((r) =>
      r.kind === 'UNIT'
        ? { kind: 'COLLECTIVE', unitId: r.unitId }
        : r.kind === 'MODEL'
          ? { kind: 'COLLECTIVE', modelId: r.modelId }
          : {
              kind: 'INDIVIDUAL',
              fullName: r.fullName?.trim(),
              position: r.position?.trim() || undefined,
              unitId: r.unitId,
              memberId: r.memberId,
            },
    ),
  };
}
