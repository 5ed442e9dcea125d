import type { RecordedPersonEvent } from '../../domain/person/person-events';
import { stateOf } from '../../domain/person/person-state';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { nationalIdOfStream, toRecordedPersonEvent } from '../../ledger/person-stream';
import type { Projection, ProjectionUnitOfWork } from '../../read-models/projection';
import {
  PERSON_SEARCH,
  PERSON_SEARCH_PROJECTION,
  PERSON_SEARCH_RECORD,
  personSearchCollections,
  searchDocumentOf,
  summaryOf,
  type PersonSearchRecordDocument,
} from './search-document';

/** Facts that set what a search shows; corrections and annulments count when they name one. */
const SHOWN = new Set(['PersonEnrolled', 'BirthRegistered', 'NameChanged', 'DeathRegistered']);

function isKept({ event }: RecordedPersonEvent, log: RecordedPersonEvent[]): boolean {
  if (SHOWN.has(event.type)) return true;
  const target =
    event.type === 'RecordCorrected'
      ? event.data.correctedEventId
      : event.type === 'RegistrationAnnulled'
        ? event.data.annulledEventId
        : undefined;
  return target !== undefined && log.some(({ eventId }) => eventId === target);
}

/**
 * The search index: one document per registered person, rewritten from the domain's own state
 * whenever a fact that shows changes (a correction of the name or birth date, a name change, a
 * death, an annulled registration, which removes the document).
 */
export class PersonSearchProjection implements Projection {
  readonly name = PERSON_SEARCH_PROJECTION;
  readonly collections = personSearchCollections;

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
      const recorded = toRecordedPersonEvent(event);
      if (!isKept(recorded, log)) continue;
      log.push(recorded);
      touched.add(nationalId);
    }
    for (const nationalId of touched) {
      const log = logs.get(nationalId)!;
      const person = stateOf(log);
      if (person.status === 'unregistered') {
        unitOfWork.put(PERSON_SEARCH_RECORD, { id: nationalId, events: log } satisfies PersonSearchRecordDocument);
        unitOfWork.delete(PERSON_SEARCH, nationalId);
      } else {
        unitOfWork.put(PERSON_SEARCH_RECORD, { id: nationalId, events: log, summary: summaryOf(person) } satisfies PersonSearchRecordDocument);
        unitOfWork.put(PERSON_SEARCH, searchDocumentOf(person));
      }
    }
  }
}

/** A copy, so the stored document is never mutated. */
async function storedLog(unitOfWork: ProjectionUnitOfWork, nationalId: string): Promise<RecordedPersonEvent[]> {
  const stored = await unitOfWork.get<PersonSearchRecordDocument>(PERSON_SEARCH_RECORD, nationalId);
  return stored ? [...stored.events] : [];
}
