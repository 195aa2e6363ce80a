import dayjs, { type Dayjs } from 'dayjs';
import type { UnitKind } from '@/lib/units';
import type { SafetyAssessment, SafetyAssessmentInput } from '../api/safety';
import type { Mark } from './AssessmentCriteria';

/** The places assessed: residential areas, communes and wards, agencies, enterprises, schools. */
export const ASSESSED_KINDS: UnitKind[] = [
  'HAMLET',
  'COMMUNE',
  'WARD',
  'TOWNSHIP',
  'SPECIAL_ZONE',
  'AGENCY',
  'ENTERPRISE',
  'SCHOOL',
];

/** An assessment's lines as the form holds them (the criteria are marked beside the form). */
export interface Values {
  unitId?: number;
  year?: number;
  recognisedBy?: string;
  recognisedOn?: Dayjs;
  decisionNumber?: string;
  note?: string;
}

/** The assessment edited, or last year's (this year's from November, when assessments are made). */
export function initialValues(a?: SafetyAssessment): Values {
  if (!a) return { year: dayjs().month() >= 10 ? dayjs().year() : dayjs().year() - 1 };
  return {
    unitId: a.unit.id,
    year: a.year,
    recognisedBy: a.recognisedBy,
    recognisedOn: a.recognisedOn ? dayjs(a.recognisedOn) : undefined,
    decisionNumber: a.decisionNumber,
    note: a.note,
  };
}

/** The body sent: the marked criteria, and recognition only when every criterion is met. */
export function assessmentBody(
  v: Values,
  a: SafetyAssessment | undefined,
  marked: { id: number }[],
  marks: Record<number, Mark>,
  allMet: boolean,
): SafetyAssessmentInput {
  return {
    unitId: v.unitId ?? a?.unit.id ?? 0,
    year: v.year ?? a?.year ?? 0,
    criteria: marked.map((c) => ({
      criterionId: c.id,
      met: marks[c.id]?.met ?? false,
      evidence: marks[c.id]?.evidence?.trim() || undefined,
    })),
    recognisedBy: allMet ? v.recognisedBy?.trim() || undefined : undefined,
    recognisedOn: allMet ? v.recognisedOn?.format('YYYY-MM-DD') : undefined,
    decisionNumber: allMet ? v.decisionNumber?.trim() || undefined : undefined,
    note: v.note?.trim() || undefined,
  };
}
