import type { RecordedPersonEvent } from '../../domain/person/person-events';
import { stateOf, type PersonState, type RegisteredPerson } from '../../domain/person/person-state';
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
      const log = batch.heldLog(nationalId, event) ?? (await batch.readLog(nationalId));
      batch.append(nationalId, log, event);
    }
    await batch.finish();
  }
}

/** The spouses of the unmarried (most persons), shared rather than a new map each. */
const NO_SPOUSES: ReadonlyMap<string, PersonState> = new Map();

/** A person's log as the batch leaves it, and the events the batch appended to it. */
interface HeldLog {
  events: RecordedPersonEvent[];
  /** As the log gave them; none when the log was read only for a view. */
  appended: RecordedEvent[];
}

/** One batch's work: logs as the batch leaves them, and the states of married persons computed once. */
class PersonBatch {
  private readonly logs = new Map<string, HeldLog>();
  private readonly states = new Map<string, PersonState>();

  constructor(private readonly unitOfWork: ProjectionUnitOfWork) {}

  /** The log to append `event` to, when it is here without reading the stored one. */
  heldLog(nationalId: string, event: RecordedEvent): HeldLog | undefined {
    const held = this.logs.get(nationalId);
    // The first event of a stream starts an empty log: nothing to read (most of a rebuild).
    if (held !== undefined || event.revision !== 0) return held;
    const started: HeldLog = { events: [], appended: [] };
    this.logs.set(nationalId, started);
    return started;
  }

  /** The person's log, read when the batch does not hold it yet; a copy, so the stored document is never mutated. */
  async readLog(nationalId: string): Promise<HeldLog> {
    const held = this.logs.get(nationalId);
    if (held !== undefined) return held;
    const stored = await this.unitOfWork.get<PersonLogDocument>(PERSON_LOG, nationalId);
    const read: HeldLog = { events: stored ? [...stored.events] : [], appended: [] };
    this.logs.set(nationalId, read);
    return read;
  }

  /** Reads the logs the batch does not hold yet. */
  async readLogs(nationalIds: Iterable<string>): Promise<void> {
    for (const nationalId of nationalIds) if (!this.logs.has(nationalId)) await this.readLog(nationalId);
  }

  append(nationalId: string, log: HeldLog, event: RecordedEvent): void {
    const recorded = toRecordedPersonEvent(event);
    log.events.push(recorded);
    log.appended.push(event);
    for (const parentId of parentsEverNamed(recorded.event)) {
      const edge: KinshipDocument = { id: kinshipId(parentId, nationalId), personId: parentId, relatedId: nationalId, relation: 'child' };
      this.unitOfWork.put(KINSHIP, edge);
    }
  }

  async finish(): Promise<void> {
    // The persons the batch touched (every log held so far), then their spouses.
    const affected = new Set(this.logs.keys());
    for (const [nationalId, { events, appended }] of this.logs) {
      const document: PersonLogDocument = { id: nationalId, events };
      // Made as the commit writes it: the text of every log of the batch is not held meanwhile.
      this.unitOfWork.put(PERSON_LOG, document, () => personLogJson(nationalId, events, appended));
      for (const spouseId of spousesEverNamed(events)) affected.add(spouseId);
    }
    // A view needs the person's state and their spouses': every log read first, then all in step.
    await this.readLogs(affected);
    await this.readLogs([...affected].flatMap((nationalId) => spousesEverNamed(this.logs.get(nationalId)!.events)));
    for (const nationalId of affected) this.rewriteCurrentIdentity(nationalId);
  }

  private rewriteCurrentIdentity(nationalId: string): void {
    const person = this.stateOf(nationalId);
    if (person.status === 'unregistered') {
      this.unitOfWork.delete(CURRENT_IDENTITY, nationalId);
      return;
    }
    const document: CurrentIdentityDocument = {
      id: nationalId,
      view: identityWithoutCardOf(person, this.spousesOf(person)),
      cards: cardsThatMayBeValid(person),
    };
    this.unitOfWork.put(CURRENT_IDENTITY, document);
  }

  /** The states of the person's spouses, by national ID. */
  private spousesOf(person: RegisteredPerson): ReadonlyMap<string, PersonState> {
    if (person.marriages.length === 0) return NO_SPOUSES;
    const spouses = new Map<string, PersonState>();
    for (const spouseId of spouseIdsOf(person)) spouses.set(spouseId, this.stateOf(spouseId));
    return spouses;
  }

  /**
   * The state of a person whose log the batch holds, kept for the batch only when married: a
   * spouse's view asks for it again. Keeping every state until the commit made them most of what
   * outlived the young generation.
   */
  private stateOf(nationalId: string): PersonState {
    const kept = this.states.get(nationalId);
    if (kept) return kept;
    const state = stateOf(this.logs.get(nationalId)!.events);
    if (state.status !== 'unregistered' && state.marriages.length > 0) this.states.set(nationalId, state);
    return state;
  }
}
