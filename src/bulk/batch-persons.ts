import type { PersonEvent } from '../domain/person/person-events';
import { evolve, stateOf, type PersonState } from '../domain/person/person-state';
import type { EventStore, ExpectedRevision, NewEvent, StreamWrite } from '../event-store/event-store.port';
import { personStreamId, toRecordedPersonEvent } from '../ledger/person-stream';

interface BatchPerson {
  state: PersonState;
  /** The stream's revision when loaded: every write of the batch expects it. */
  revision: ExpectedRevision;
  /** Idempotency keys of the stream's events, loaded and decided. */
  keys: Set<string>;
  /** Events decided in this batch, in order, for this stream. */
  pending: NewEvent[];
  /** A recorded decision read this person: the append asserts the stream unchanged. */
  read: boolean;
}

/**
 * The persons one batch touches, each loaded from the store once and evolved as the batch's
 * decisions land, so a command sees what earlier commands of the same batch recorded.
 */
export class BatchPersons {
  private readonly persons = new Map<string, BatchPerson>();

  constructor(private readonly store: EventStore) {}

  async load(nationalId: string): Promise<BatchPerson> {
    const known = this.persons.get(nationalId);
    if (known) return known;
    const events = await this.store.readStream(personStreamId(nationalId));
    const keys = new Set<string>();
    for (const event of events) if (event.metadata.idempotencyKey) keys.add(event.metadata.idempotencyKey);
    const person: BatchPerson = {
      state: stateOf(events.map(toRecordedPersonEvent)),
      revision: events.length === 0 ? 'no_stream' : events[events.length - 1]!.revision,
      keys,
      pending: [],
      read: false,
    };
    this.persons.set(nationalId, person);
    return person;
  }

  async stateOf(nationalId: string): Promise<PersonState> {
    return (await this.load(nationalId)).state;
  }

  /** Already loaded; `load` first. */
  private loaded(nationalId: string): BatchPerson {
    const person = this.persons.get(nationalId);
    if (!person) throw new Error(`${nationalId} was decided on without being loaded`);
    return person;
  }

  hasKey(nationalId: string, key: string | undefined): boolean {
    return key !== undefined && this.loaded(nationalId).keys.has(key);
  }

  /** Lands a decision: its events join the stream's pending writes and evolve its state. */
  apply(nationalId: string, events: PersonEvent[], stamped: NewEvent[], recordedAt: string): void {
    const person = this.loaded(nationalId);
    events.forEach((event, i) => {
      person.state = evolve(person.state, { eventId: stamped[i]!.id, recordedAt, event });
      person.pending.push(stamped[i]!);
      const key = stamped[i]!.metadata.idempotencyKey;
      if (key) person.keys.add(key);
    });
  }

  markRead(nationalIds: Iterable<string>): void {
    for (const id of nationalIds) this.loaded(id).read = true;
  }

  /** One write per stream: its pending events, or an assertion that a stream decisions read is unchanged. */
  writes(): StreamWrite[] {
    const writes: StreamWrite[] = [];
    for (const [nationalId, person] of this.persons) {
      if (person.pending.length > 0 || person.read) {
        writes.push({ streamId: personStreamId(nationalId), expectedRevision: person.revision, events: person.pending });
      }
    }
    return writes;
  }
}
