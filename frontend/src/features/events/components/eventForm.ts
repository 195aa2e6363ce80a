import dayjs, { type Dayjs } from 'dayjs';
import type { GeoPoint } from '@/components/PositionField';
import type { EventInput, EventItem } from '../api/events';

/** The event dialog's fields. */
export interface EventValues {
  typeId: number;
  title: string;
  time: [Dayjs, Dayjs];
  location?: string;
  position?: GeoPoint;
  unitId: number;
  leadUnitId: number;
  coOrganiserIds?: number[];
  programmeId?: number;
  modelIds?: number[];
  attendance?: number;
  sessions?: number;
  materials?: { materialTypeId: number; quantity: number }[];
  outcome?: string;
}

/** What the server is sent. */
export function eventInput(v: EventValues): EventInput {
  return {
    typeId: v.typeId,
    title: v.title,
    startsAt: v.time[0].format(),
    endsAt: v.time[1].format(),
    location: v.location || undefined,
    position: v.position ?? undefined,
    unitId: v.unitId,
    leadUnitId: v.leadUnitId,
    coOrganiserIds: v.coOrganiserIds ?? [],
    programmeId: v.programmeId,
    modelIds: v.modelIds ?? [],
    attendance: v.attendance ?? undefined,
    sessions: v.sessions ?? undefined,
    materials: (v.materials ?? []).filter((m) => m?.materialTypeId !== undefined),
    outcome: v.outcome || undefined,
  };
}

/** The form's values: those of the event edited, of a queued one, or a morning on the day chosen. */
export function initialValues(
  e: EventItem | undefined,
  queued: EventInput | undefined,
  day: Dayjs,
): Partial<EventValues> {
  if (queued) {
    return {
      ...queued,
      time: [dayjs(queued.startsAt), dayjs(queued.endsAt)],
    } as Partial<EventValues>;
  }
  if (!e) {
    return {
      time: [day.hour(7).minute(30).second(0), day.hour(11).minute(0).second(0)],
      sessions: 1,
    };
  }
  return {
    typeId: e.type.id,
    title: e.title,
    time: [dayjs(e.startsAt), dayjs(e.endsAt)],
    location: e.location,
    position: e.position,
    unitId: e.unit.id,
    leadUnitId: e.lead.id,
    coOrganiserIds: e.coOrganisers.map((u) => u.id),
    programmeId: e.programme?.id,
    modelIds: e.models.map((m) => m.id),
    attendance: e.attendance,
    sessions: e.sessions,
    materials: e.materials.map((m) => ({ materialTypeId: m.material.id, quantity: m.quantity })),
    outcome: e.outcome,
  };
}

/** The form's values as kept in a draft on the device (JSON: the times as ISO strings). */
export type EventDraft = Omit<Partial<EventValues>, 'time'> & { time?: (string | null)[] };

export const toDraft = (v: Partial<EventValues>): EventDraft => ({
  ...v,
  time: v.time?.map((d) => (d ? d.format() : null)),
});

export const fromDraft = (d: EventDraft): Partial<EventValues> => ({
  ...d,
  time: d.time?.[0] && d.time[1] ? [dayjs(d.time[0]), dayjs(d.time[1])] : undefined,
});
