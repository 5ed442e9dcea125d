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
      if (nationalId !== undefined) await batch.append(nationalId, event);
    }
    await batch.finish();
  }
}

/** One batch's work: logs as the batch leaves them, and states computed at most once. */
class PersonBatch {
  private readonly logs = new Map<string, RecordedPersonEvent[]>();
  /** The events the batch appends to each person's log, by national ID: the persons it touched. */
  private readonly touched = new Map<string, RecordedEvent[]>();
  private readonly states = new Map<string, PersonState>();

  constructor(private readonly unitOfWork: ProjectionUnitOfWork) {}

  async append(nationalId: string, event: RecordedEvent): Promise<void> {
    const recorded = toRecordedPersonEvent(event);
    // The first event of a stream starts an empty log: nothing to read (most of a rebuild).
    if (event.revision === 0 && !this.logs.has(nationalId)) this.logs.set(nationalId, []);
    const log = await this.logOf(nationalId);
    log.push(recorded);
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
    for (const nationalId of affected) await this.rewriteCurrentIdentity(nationalId);
  }

  private async rewriteCurrentIdentity(nationalId: string): Promise<void> {
    const person = await this.stateOf(nationalId);
    if (person.status === 'unregistered') {
      this.unitOfWork.delete(CURRENT_IDENTITY, nationalId);
      return;
    }
    const spouses = new Map<string, PersonState>();
    for (const spouseId of spouseIdsOf(person)) spouses.set(spouseId, await this.stateOf(spouseId));
    const document: CurrentIdentityDocument = {
      id: nationalId,
      view: identityWithoutCardOf(person, spouses),
      cards: cardsThatMayBeValid(person),
    };
    this.unitOfWork.put(CURRENT_IDENTITY, document);
  }

  /** The person's log as this batch leaves it; a copy, so the stored document is never mutated. */
  private async logOf(nationalId: string): Promise<RecordedPersonEvent[]> {
    let log = this.logs.get(nationalId);
    if (log === undefined) {
      const stored = await this.unitOfWork.get<PersonLogDocument>(PERSON_LOG, nationalId);
      log = stored ? [...stored.events] : [];
      this.logs.set(nationalId, log);
    }
    return log;
  }

  private async stateOf(nationalId: string): Promise<PersonState> {
    let state = this.states.get(nationalId);
    if (state === undefined) {
      state = stateOf(await this.logOf(nationalId));
      this.states.set(nationalId, state);
    }
    return state;
  }
}
