import type { PersonEvent, RecordedPersonEvent } from '../domain/person/person-events';
import { appended } from '../domain/shared/appended';
import { evolve, initialState, stateOf, type PersonState } from '../domain/person/person-state';
import type { EventStore, ExpectedRevision, NewEvent, RecordedEvent, StreamWrite } from '../event-store/event-store.port';
import { personStreamId, toRecordedPersonEvent } from '../ledger/person-stream';
import type { CachedPerson, PersonCache } from './person-cache';

/**
 * One item alone, or a list of exactly their number: most persons a bulk load records get one
 * event, and a list of one is two objects more, kept until the batch commits (its pending write)
 * or by the cache to the end of the load (its landed fact), each copied twice by the collector.
 */
type OneOrMore<T> = T | T[];

const withItem = <T>(items: OneOrMore<T> | undefined, item: T): OneOrMore<T> =>
  items === undefined ? item : Array.isArray(items) ? appended(items, item) : [items, item];

const listOf = <T>(items: OneOrMore<T> | undefined): T[] => (items === undefined ? [] : Array.isArray(items) ? items : [items]);

/** Idempotency keys: a new person's one key alone, no list of one kept by the cache for it. */
type Keys = OneOrMore<string> | undefined;

const keysOf = (keys: readonly string[]): Keys => (keys.length === 0 ? undefined : (keys as string[]));

const keysOfEvents = (events: readonly RecordedEvent[]): string[] =>
  events.flatMap((event) => (event.metadata.idempotencyKey ? [event.metadata.idempotencyKey] : []));

/** A drawn ID's stream, taken to be empty without a read. */
const noEvents: readonly RecordedEvent[] = Object.freeze([]);

/**
 * A state and the facts landed on it since it was last asked for, folded on only when it is:
 * most persons a bulk load records are new and never named again, and building each one's state
 * (and keeping it in the cache) was about a tenth of a bulk enrolment's main thread. A new
 * person's empty state is not kept either (`folded` undefined): the cache holds such a person, as
 * its one landed fact, to the end of a load.
 */
class History {
  constructor(
    private folded: PersonState | undefined,
    private landed?: OneOrMore<RecordedPersonEvent>,
  ) {}

  land(recorded: RecordedPersonEvent): void {
    this.landed = withItem(this.landed, recorded);
  }

  get state(): PersonState {
    const landed = this.landed;
    if (!landed) return this.folded ?? initialState;
    let state = this.folded ?? initialState;
    if (Array.isArray(landed)) for (const recorded of landed) state = evolve(state, recorded);
    else state = evolve(state, landed);
    this.landed = undefined;
    return (this.folded = state);
  }

  /** The events so far, the landed ones not folded: a new person evicted unread is packed from its one event. */
  get log(): readonly RecordedPersonEvent[] {
    const log = this.folded?.log;
    if (!this.landed) return log ?? initialState.log;
    const landed = listOf(this.landed);
    return log ? [...log, ...landed] : landed;
  }

  /** The person as its batch leaves it, this history handed over: once decisions are over nothing lands here. */
  leave(revision: number, keys: Keys, packed: CachedPerson['packed']): Left {
    return new Left(this.folded, this.landed, revision, keys, packed);
  }
}

/**
 * A person as a batch leaves it, its state folded when first read: a history of its own rather
 * than a view of the batch's, one object fewer for every person the cache keeps (a class: an
 * object literal with a getter is slow to make).
 */
class Left extends History implements CachedPerson {
  constructor(
    folded: PersonState | undefined,
    landed: OneOrMore<RecordedPersonEvent> | undefined,
    readonly revision: number,
    /** As the batch left them: `keys` is the list the cache's interface gives. */
    readonly idempotencyKeys: Keys,
    readonly packed: CachedPerson['packed'],
  ) {
    super(folded, landed);
  }

  /** A list made when asked for: by the batch that reads the person again, or to pack it. */
  get keys(): readonly string[] {
    return listOf(this.idempotencyKeys);
  }
}

/**
 * A person one batch loaded: its history itself (not an object beside it) and what the batch
 * does with its stream. A class with every field made at once: a literal given `left` later grew
 * a second object (a property array) for each of the thousands of persons a batch keeps until its
 * commit.
 */
class BatchPerson extends History {
  /** Events decided in this batch for this stream, in order, until `takeWrites` hands them over. */
  pending: OneOrMore<NewEvent> | undefined = undefined;
  /** How many events the batch decided for this stream: what its append adds to the revision. */
  decided = 0;
  /** A recorded decision read this person: the append asserts the stream unchanged. */
  read = false;
  /** The person as the batch leaves it, once asked for (by the batch after, then the cache: the same one). */
  left: Left | undefined = undefined;

  constructor(
    /** Evolved as the batch's decisions land (lazily): a fact dated last is folded on, not recomputed. */
    folded: PersonState | undefined,
    /** The stream's revision when loaded: every write of the batch expects it. */
    readonly revision: ExpectedRevision,
    /** Idempotency keys of the stream's events, loaded and decided (a person has few: a list of exactly their number). */
    public keys: Keys,
    /** The packed form the cache read this person back from, handed back to it. */
    readonly packed: CachedPerson['packed'],
  ) {
    super(folded);
  }
}

/**
 * A person as its batch leaves it once its append commits: state, revision and keys; nothing for
 * a stream still empty (nor one read at no known revision).
 */
function leftOf(person: BatchPerson): CachedPerson | undefined {
  const base = person.revision === 'no_stream' ? -1 : typeof person.revision === 'number' ? person.revision : undefined;
  if (base === undefined) return undefined;
  const revision = base + person.decided;
  if (revision < 0) return undefined;
  return (person.left ??= person.leave(revision, person.keys, person.packed));
}

/**
 * The persons one batch touches, each loaded from the store once and evolved as the batch's
 * decisions land, so a command sees what earlier commands of the same batch recorded.
 */
export class BatchPersons {
  /**
   * In the order decisions first asked for each person: a person read from the store holds its
   * place (undefined) while read, as a cached one would, so the order of the batch's writes, and
   * so the bytes of the log, does not hang on which persons the cache held.
   */
  private readonly persons = new Map<string, BatchPerson | undefined>();
  /** Store reads in flight: a second load of the same person waits for the first. */
  private readonly reading = new Map<string, Promise<BatchPerson>>();

  /**
   * `assumeNew`: streams of national IDs the batch draws are taken to be empty without a read
   * (as the API's registrations do); the append's `no_stream` catches the rare one in use, and
   * the recorder then decides the batch again reading them.
   */
  constructor(
    private readonly store: EventStore,
    readonly assumeNew: boolean,
    /** States committed by earlier batches of the same recorder: read instead of the store. */
    private readonly cache?: PersonCache,
    /**
     * The batch decided just before, whose append may not have committed yet: its persons are read
     * as it left them, before the cache and the store (which do not hold them yet). The recorder
     * decides this batch again if that append fails.
     */
    private before?: BatchPersons,
  ) {}

  /** Decisions are over: the batch before is no longer read (holding it would chain every batch's persons). */
  endDecisions(): void {
    this.before = undefined;
  }

  /**
   * At once when the batch, the batch before or the cache holds the person, or a drawn ID is taken
   * to be new (most loads of a bulk batch: no promise to await); else once its stream is read.
   */
  load(nationalId: string, drawn = false): BatchPerson | Promise<BatchPerson> {
    const known = this.persons.get(nationalId);
    if (known) return known;
    const cached = this.before?.left(nationalId) ?? this.cache?.get(nationalId);
    if (cached) {
      // A person this recorder left keeps its keys as they were; one the cache read back has a list.
      const keys = cached instanceof Left ? cached.idempotencyKeys : keysOf(cached.keys);
      const person = new BatchPerson(cached.state, cached.revision, keys, cached.packed);
      this.persons.set(nationalId, person);
      return person;
    }
    if (drawn && this.assumeNew) return this.added(nationalId, noEvents);
    const inFlight = this.reading.get(nationalId);
    if (inFlight) return inFlight;
    this.persons.set(nationalId, undefined);
    const read = this.store.readStream(personStreamId(nationalId)).then((events) => this.added(nationalId, events));
    this.reading.set(nationalId, read);
    return read;
  }

  private added(nationalId: string, events: readonly RecordedEvent[]): BatchPerson {
    // Most persons a bulk batch loads are the new ones it draws: no keys or log to list (a `flatMap`
    // and a `map` of nothing, for every new person), and their empty state is made when read.
    const person =
      events.length === 0
        ? new BatchPerson(undefined, 'no_stream', undefined, undefined)
        : new BatchPerson(stateOf(events.map(toRecordedPersonEvent)), events[events.length - 1]!.revision, keysOf(keysOfEvents(events)), undefined);
    this.persons.set(nationalId, person);
    return person;
  }

  stateOf(nationalId: string, drawn = false): PersonState | Promise<PersonState> {
    const person = this.load(nationalId, drawn);
    return person instanceof Promise ? person.then((loaded) => loaded.state) : person.state;
  }

  /** Already loaded; `load` first. */
  private loaded(nationalId: string): BatchPerson {
    const person = this.persons.get(nationalId);
    if (!person) throw new Error(`${nationalId} was decided on without being loaded`);
    return person;
  }

  hasKey(nationalId: string, key: string | undefined): boolean {
    if (key === undefined) return false;
    const keys = this.loaded(nationalId).keys;
    return Array.isArray(keys) ? keys.includes(key) : keys === key;
  }

  /** Lands a decision: its events join the stream's pending writes and evolve its state. */
  apply(nationalId: string, events: PersonEvent[], stamped: NewEvent[], recordedAt: string): void {
    const person = this.loaded(nationalId);
    events.forEach((event, i) => {
      person.land({ eventId: stamped[i]!.id, recordedAt, event });
      person.pending = withItem(person.pending, stamped[i]!);
      person.decided++;
      const key = stamped[i]!.metadata.idempotencyKey;
      if (key) person.keys = withItem(person.keys, key);
    });
  }

  markRead(nationalIds: Iterable<string>): void {
    for (const id of nationalIds) this.loaded(id).read = true;
  }

  /**
   * After the batch's append committed: every stream it loaded, at the revision its writes left it
   * (streams still empty are left out, so a later draw of their ID reads the store or assumes new).
   */
  commitTo(cache: PersonCache): void {
    // Each person as it is, not looked up again by ID: a lookup in a map of thousands was as dear as the rest.
    for (const [nationalId, person] of this.persons) {
      const left = person && leftOf(person);
      if (left) cache.set(nationalId, left);
    }
  }

  /** The person as this batch leaves it, for the batch after while this one commits. */
  private left(nationalId: string): CachedPerson | undefined {
    const person = this.persons.get(nationalId);
    return person && leftOf(person);
  }

  /**
   * One write per stream: its pending events, or an assertion that a stream decisions read is
   * unchanged. The events go with the writes, once: the batch after and the cache read these
   * persons until this batch commits, and events they kept would live that long for nothing
   * (the collector copied them out of the young generation twice).
   */
  takeWrites(): StreamWrite[] {
    const writes: StreamWrite[] = [];
    for (const [nationalId, person] of this.persons) {
      if (person && (person.pending !== undefined || person.read)) {
        writes.push({ streamId: personStreamId(nationalId), expectedRevision: person.revision, events: listOf(person.pending) });
      }
      if (person) person.pending = undefined;
    }
    return writes;
  }
}
