import { upcast } from '../../domain/events/upcasters';
import type { PersonEvent, PersonEventType, RecordedPersonEvent } from '../../domain/person/person-events';
import { isRegistration } from '../../domain/person/person-facts';
import { stateOf } from '../../domain/person/person-state';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { nationalIdOfStream } from '../../ledger/person-stream';
import { keptData, keptTypes, type KeptFields } from '../kept-facts';
import type { Projection, ProjectionUnitOfWork } from '../../read-models/projection';
import { PERSON_SEARCH, PERSON_SEARCH_PROJECTION, PERSON_SEARCH_RECORD, personSearchCollections, searchDocumentOf, type SearchedPerson } from './search-document';
import { logOf, recordOf, type PersonSearchRecordDocument } from './search-record';

/**
 * The facts that set what a search or its summary shows, with the fields read: registration,
 * name changes, death (its date orders it among the others); corrections and annulments count
 * when they name one.
 */
const SHOWN: KeptFields = new Map([
  ['PersonEnrolled', ['nationalId', 'name', 'sex', 'dateOfBirth', 'placeOfBirth', 'motherName']],
  ['BirthRegistered', ['nationalId', 'name', 'sex', 'dateOfBirth', 'placeOfBirth', 'motherName']],
  ['NameChanged', ['name', 'date']],
  ['DeathRegistered', ['dateOfDeath']],
]);

/** The shown part of an event, as the domain's rules read it (the recording time is not shown). */
function shownEvent(event: RecordedEvent, log: RecordedPersonEvent[]): RecordedPersonEvent | undefined {
  const data = upcast(event.type as PersonEventType, event.metadata.schemaVersion, event.data) as Record<string, unknown>;
  const shown = keptData(SHOWN, event.type, data, (target) => log.find(({ eventId }) => eventId === target)?.event.type);
  return shown && { eventId: event.id, recordedAt: '', event: { type: event.type, data: shown } as PersonEvent };
}

/**
 * The search index: one document per registered person, rewritten from the domain's own state
 * whenever a fact that shows changes (a correction of the name or birth date, a name change, a
 * death, an annulled registration, which removes the document).
 */
export class PersonSearchProjection implements Projection {
  readonly name = PERSON_SEARCH_PROJECTION;
  /** 2: a record keeps its facts without the recording time, the event's wrapper and the registration's national ID. */
  readonly version = 2;
  readonly collections = personSearchCollections;
  readonly eventTypes = keptTypes(SHOWN);

  async apply(events: RecordedEvent[], unitOfWork: ProjectionUnitOfWork): Promise<void> {
    const logs = new Map<string, RecordedPersonEvent[]>();
    const touched = new Set<string>();
    for (const event of events) {
      const nationalId = nationalIdOfStream(event.streamId);
      if (nationalId === undefined) continue;
      let log = logs.get(nationalId);
      if (log === undefined) {
        // A stream's first event starts its log: a rebuild then reads nothing per person.
        log = event.revision === 0 ? [] : await storedLog(unitOfWork, nationalId);
        logs.set(nationalId, log);
      }
      const shown = shownEvent(event, log);
      if (shown === undefined) continue;
      log.push(shown);
      touched.add(nationalId);
    }
    for (const nationalId of touched) {
      const log = logs.get(nationalId)!;
      unitOfWork.put(PERSON_SEARCH_RECORD, recordOf(nationalId, log));
      const person = searchedPerson(log);
      if (person === undefined) unitOfWork.delete(PERSON_SEARCH, nationalId);
      else unitOfWork.put(PERSON_SEARCH, searchDocumentOf(person));
    }
  }
}

/**
 * Who a search finds in a shown log, or undefined when no registration counts. A log of the
 * registration alone (nine persons in ten) is searched as its data, which is what the domain's
 * state would hold, without the facts, collections and status stateOf builds for it (about 2 KB
 * of garbage each; a tenth of the projection's own CPU in a rebuild).
 */
function searchedPerson(log: RecordedPersonEvent[]): SearchedPerson | undefined {
  const only = log.length === 1 ? log[0]!.event : undefined;
  if (only !== undefined && isRegistration(only)) return only.data;
  const person = stateOf(log);
  return person.status === 'unregistered' ? undefined : person;
}

async function storedLog(unitOfWork: ProjectionUnitOfWork, nationalId: string): Promise<RecordedPersonEvent[]> {
  const stored = await unitOfWork.get<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, nationalId);
  return stored ? logOf(stored) : [];
}
