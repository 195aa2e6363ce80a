import type { FormInstance } from 'antd';
import { Form } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { unitDetailQuery } from '@/lib/units';
import type { Award } from '../api/awards';
import { issuerOf } from '../issuer';

/** A decision's lines as the form holds them. */
export interface Values {
  number: string;
  decidedOn: Dayjs;
  authorityId: number;
  unitId: number;
  issuerName?: string;
  signer?: string;
  formId: number;
  typeId: number;
  reason?: string;
  eventId?: number;
  programmeId?: number;
}

/** The form's values: those of the decision edited, or today's decision of the user's unit. */
export function initialValues(a: Award | undefined, ownUnit?: number): Partial<Values> {
  if (!a) return { decidedOn: dayjs(), unitId: ownUnit };
  return {
    number: a.number,
    decidedOn: dayjs(a.decidedOn),
    authorityId: a.authority.id,
    unitId: a.unit.id,
    issuerName: a.issuerName,
    signer: a.signer,
    formId: a.form.id,
    typeId: a.type.id,
    reason: a.reason,
    eventId: a.event?.id,
    programmeId: a.programme?.id,
  };
}

/**
 * Until the user types it, the issuer follows the authority and the unit ("Chủ tịch UBND" +
 * "tỉnh Cà Mau"), as written on decisions.
 */
export function useIssuerDefault(
  form: FormInstance<Values>,
  authorityName: (id: number) => string | undefined,
  touched: boolean,
) {
  const authorityId = Form.useWatch('authorityId', form);
  const unitId = Form.useWatch('unitId', form);
  const unit = useQuery({ ...unitDetailQuery(unitId ?? 0), enabled: unitId !== undefined });
  const unitName = unit.data?.unit.name;
  useEffect(() => {
    if (touched || authorityId === undefined) return;
    const name = authorityName(authorityId);
    if (name) form.setFieldValue('issuerName', issuerOf(name, unitName));
  }, [authorityId, unitName, authorityName, touched, form]);
}
