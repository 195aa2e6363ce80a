import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Member, MemberInput } from '../api/models';

export interface MemberValues {
  fullName: string;
  gender: Member['gender'];
  birthYear?: number;
  role: Member['role'];
  phone?: string;
  address?: string;
  joinedOn?: Dayjs;
  leftOn?: Dayjs;
}

/** What the server is sent. */
export function memberInput(v: MemberValues): MemberInput {
  const body: MemberInput = {
    fullName: v.fullName,
    gender: v.gender,
    birthYear: v.birthYear ?? undefined,
    role: v.role,
    phone: v.phone || undefined,
    address: v.address || undefined,
    joinedOn: v.joinedOn?.format('YYYY-MM-DD'),
    leftOn: v.leftOn?.format('YYYY-MM-DD'),
  };
  return body;
}

/** The form's values of a member still in the queue. */
export function queuedValues(b: MemberInput): Partial<MemberValues> {
  return {
    ...b,
    joinedOn: b.joinedOn ? dayjs(b.joinedOn) : undefined,
    leftOn: b.leftOn ? dayjs(b.leftOn) : undefined,
  };
}
