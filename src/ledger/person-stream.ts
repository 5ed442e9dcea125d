import type { PersonEvent, PersonEventType, RecordedPersonEvent } from '../domain/person/person-events';
import type { PersonState } from '../domain/person/person-state';
import type { CommandMetadata } from '../domain/shared/command-metadata';
import { newEventId } from '../event-store/event-id';
import type { EventMetadata, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store/event-store.port';
import { personEventVersions, upcast } from '../domain/events/upcasters';

/** One stream per person, named by national ID. */
export const personStreamId = (nationalId: string): string => `person-${nationalId}`;

export const nationalIdOfStream = (streamId: string): string | undefined =>
  streamId.startsWith('person-') ? streamId.slice('person-'.length) : undefined;

/** A stored event as the domain sees it: upcast to the current shape of its type. */
export function toRecordedPersonEvent(event: RecordedEvent): RecordedPersonEvent {
  return {
    eventId: event.id,
    recordedAt: event.recordedAt,
    event: {
      type: event.type,
      data: upcast(event.type as PersonEventType, event.metadata.schemaVersion, event.data),
    } as PersonEvent,
  };
}

export interface LoadedPerson {
  state: PersonState;
  /** The revision to expect when appending what a decision on this state produced. */
  revision: ExpectedRevision;
}


/**
 * Decided events, stamped with who recorded them and the command's idempotency key. `eventId`
 * gives the `i`-th event's ID when the caller issues its own (the bulk path); else time-ordered IDs.
 */
export function toNewEvents(
  events: PersonEvent[],
  metadata: CommandMetadata,
  commandId: string,
  eventId: (index: number) => string = newEventId,
): NewEvent[] {
  // A loop into a list of the events' number: a `map` made a closure a command.
  const stamped = new Array<NewEvent>(events.length);
  for (let index = 0; index < events.length; index++) {
    const { type, data } = events[index]!;
    stamped[index] = { id: eventId(index), type, data, metadata: stampOf(type, metadata, commandId) };
  }
  return stamped;
}

/**
 * One literal per combination of the optional fields, in the order the log has always written
 * them: a literal keeps exactly its own fields inside the object, so a stamp that gained fields
 * after it was made moved them to a second array that grows three at a time (bulk loads stamp
 * tens of thousands of events a second, and keep them until their batch commits).
 */
function stampOf(type: PersonEventType, metadata: CommandMetadata, commandId: string): EventMetadata {
  const schemaVersion = personEventVersions[type];
  const { registrar, office, idempotencyKey } = metadata;
  if (office) return idempotencyKey ? { schemaVersion, registrar, office, idempotencyKey, commandId } : { schemaVersion, registrar, office, commandId };
  return idempotencyKey ? { schemaVersion, registrar, idempotencyKey, commandId } : { schemaVersion, registrar, commandId };
}
