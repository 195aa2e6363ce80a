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
export function queuedValues(b: Partial<MemberInput>): Partial<MemberValues> {
  return {
    ...b,
    joinedOn: b.joinedOn ? dayjs(b.joinedOn) : undefined,
    leftOn: b.leftOn ? dayjs(b.leftOn) : undefined,
  };
}

/** The form's values of a member being edited (phone and address left out when masked). */
export function editedValues(member: Member): Partial<MemberValues> {
  return {
    fullName: member.fullName,
    gender: member.gender,
    birthYear: member.birthYear,
    role: member.role,
    phone: member.masked ? undefined : member.phone,
    address: member.masked ? undefined : member.address,
    joinedOn: member.joinedOn ? dayjs(member.joinedOn) : undefined,
    leftOn: member.leftOn ? dayjs(member.leftOn) : undefined,
  };
}

/** A new member's values as kept in a draft on the device (the dates as the API writes them). */
export const toDraft = (v: Partial<MemberValues>): Partial<MemberInput> => ({
  ...v,
  joinedOn: v.joinedOn?.format('YYYY-MM-DD'),
  leftOn: v.leftOn?.format('YYYY-MM-DD'),
});
