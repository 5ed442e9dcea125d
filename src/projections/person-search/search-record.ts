import type { PersonEvent, PersonEventType, RecordedPersonEvent } from '../../domain/person/person-events';
import { isRegistration } from '../../domain/person/person-facts';

/**
 * A fact a person's search record keeps: the event's ID, type and shown fields. A registration's
 * national ID is the record's own ID and is not kept again; no recording time is kept (search
 * shows the facts as they stand, never as known at a time).
 */
export interface RecordFact {
  eventId: string;
  type: PersonEventType;
  data: Record<string, unknown>;
}

/**
 * The person's facts that decide what search shows (registration, name changes, death, and the
 * corrections and annulments of those), with only the fields shown, so the state is recomputed by
 * the domain's own rules; the summary of a result is recomputed from them too, for the few
 * persons a page shows, rather than written for every person.
 */
export interface PersonSearchRecordDocument {
  [key: string]: unknown;
  id: string;
  facts: RecordFact[];
}

/**
 * A record as version 1 of the projection stored it: the shown log itself. An API process of this
 * release may read one while the projection worker has not yet rebuilt the model (an upgrade).
 */
interface VersionOneRecord {
  id: string;
  events: RecordedPersonEvent[];
}

/** The record of a person's shown log, as stored. */
export function recordOf(nationalId: string, log: RecordedPersonEvent[]): PersonSearchRecordDocument {
  const facts = log.map(({ eventId, event }): RecordFact => {
    const data = event.data as Record<string, unknown>;
    return { eventId, type: event.type, data: data.nationalId === nationalId ? withoutNationalId(data) : data };
  });
  return { id: nationalId, facts };
}

/** The shown log a stored record holds, as the domain's rules read it. */
export function logOf(record: PersonSearchRecordDocument | VersionOneRecord): RecordedPersonEvent[] {
  if (!('facts' in record)) return record.events;
  return record.facts.map(({ eventId, type, data }) => {
    const event = { type, data } as PersonEvent;
    if (isRegistration(event) && data.nationalId === undefined) event.data = { nationalId: record.id, ...data } as typeof event.data;
    return { eventId, recordedAt: '', event };
  });
}

/** The fields but the national ID, in their order, built key by key rather than by a rest spread. */
function withoutNationalId(data: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key in data) if (key !== 'nationalId') kept[key] = data[key];
  return kept;
}
