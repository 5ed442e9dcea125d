import type { RecordedPersonEvent } from '../../domain/person/person-events';
import { stateOf, type PersonState } from '../../domain/person/person-state';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { nationalIdOfStream, toRecordedPersonEvent } from '../../ledger/person-stream';
import type { Projection, ProjectionUnitOfWork } from '../../read-models/projection';
import { cardsThatMayBeValid, identityWithoutCardOf, spouseIdsOf } from '../identity-view/identity-view';
import {
  CURRENT_IDENTITY,
  KINSHIP,
  kinshipId,
  PERSON_LOG,
  personCollections,
  type CurrentIdentityDocument,
  type KinshipDocument,
  type PersonLogDocument,
} from './person-documents';
import { parentsEverNamed, spousesEverNamed } from './named-relatives';
import { personLogJson } from './person-log-json';

/**
 * Person reads from the log: each person's events, their current identity view and the
 * parent-child edges children and siblings are found by. A batch first appends every event to its
 * person's log, then rewrites the current view of everyone whose view the batch may change: the
 * persons it touched and their spouses (a death in one stream widows the other).
 */
export class PersonsProjection implements Projection {
  readonly name = 'persons';
  readonly collections = personCollections;

  async apply(events: RecordedEvent[], unitOfWork: ProjectionUnitOfWork): Promise<void> {
    const batch = new PersonBatch(unitOfWork);
    for (const event of events) {
      const nationalId = nationalIdOfStream(event.streamId);
      if (nationalId === undefined) continue;
      // Awaited only when a stored log is read: an await per event made a tenth of a rebuild's garbage.
      if (!batch.holdsLogOf(nationalId, event)) await batch.readLogs([nationalId]);
      batch.append(nationalId, event);
    }
    await batch.finish();
  }
}

/** One batch's work: logs as the batch leaves them, and the states of married persons computed once. */
class PersonBatch {
  private readonly logs = new Map<string, RecordedPersonEvent[]>();
  /** The events the batch appends to each person's log, by national ID: the persons it touched. */
  private readonly touched = new Map<string, RecordedEvent[]>();
  private readonly states = new Map<string, PersonState>();

  constructor(private readonly unitOfWork: ProjectionUnitOfWork) {}

  /** Whether the person's log is here to append `event` to, without reading the stored one. */
  holdsLogOf(nationalId: string, event: RecordedEvent): boolean {
    if (this.logs.has(nationalId)) return true;
    // The first event of a stream starts an empty log: nothing to read (most of a rebuild).
    if (event.revision !== 0) return false;
    this.logs.set(nationalId, []);
    return true;
  }

  /** Reads the logs the batch does not hold yet; a copy, so the stored document is never mutated. */
  async readLogs(nationalIds: Iterable<string>): Promise<void> {
    for (const nationalId of nationalIds) {
      if (this.logs.has(nationalId)) continue;
      const stored = await this.unitOfWork.get<PersonLogDocument>(PERSON_LOG, nationalId);
      this.logs.set(nationalId, stored ? [...stored.events] : []);
    }
  }

  /** Appends to a log the batch holds (`holdsLogOf`, `readLogs`). */
  append(nationalId: string, event: RecordedEvent): void {
    const recorded = toRecordedPersonEvent(event);
    this.logs.get(nationalId)!.push(recorded);
    const appended = this.touched.get(nationalId);
    if (appended) appended.push(event);
    else this.touched.set(nationalId, [event]);
    for (const parentId of parentsEverNamed(recorded.event)) {
      const edge: KinshipDocument = { id: kinshipId(parentId, nationalId), personId: parentId, relatedId: nationalId, relation: 'child' };
      this.unitOfWork.put(KINSHIP, edge);
    }
  }

  async finish(): Promise<void> {
    const affected = new Set(this.touched.keys());
    for (const [nationalId, appended] of this.touched) {
      const document: PersonLogDocument = { id: nationalId, events: this.logs.get(nationalId)! };
      // Made as the commit writes it: the text of every log of the batch is not held meanwhile.
      this.unitOfWork.put(PERSON_LOG, document, () => personLogJson(nationalId, document.events, appended));
      for (const spouseId of spousesEverNamed(document.events)) affected.add(spouseId);
    }
    // A view needs the person's state and their spouses': every log read first, then all in step.
    await this.readLogs(affected);
    await this.readLogs([...affected].flatMap((nationalId) => spousesEverNamed(this.logs.get(nationalId)!)));
    for (const nationalId of affected) this.rewriteCurrentIdentity(nationalId);
  }

  private rewriteCurrentIdentity(nationalId: string): void {
    const person = this.stateOf(nationalId);
    if (person.status === 'unregistered') {
      this.unitOfWork.delete(CURRENT_IDENTITY, nationalId);
      return;
    }
    const spouses = new Map<string, PersonState>();
    for (const spouseId of spouseIdsOf(person)) spouses.set(spouseId, this.stateOf(spouseId));
    const document: CurrentIdentityDocument = {
      id: nationalId,
      view: identityWithoutCardOf(person, spouses),
      cards: cardsThatMayBeValid(person),
    };
    this.unitOfWork.put(CURRENT_IDENTITY, document);
  }

  /**
   * The state of a person whose log the batch holds, kept for the batch only when married: a
   * spouse's view asks for it again. Keeping every state until the commit made them most of what
   * outlived the young generation.
   */
  private stateOf(nationalId: string): PersonState {
    const kept = this.states.get(nationalId);
    if (kept) return kept;
    const state = stateOf(this.logs.get(nationalId)!);
    if (state.status !== 'unregistered' && state.marriages.length > 0) this.states.set(nationalId, state);
    return state;
  }
}
