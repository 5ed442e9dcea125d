/**
 * The log. Semantics follow EventStoreDB so that the embedded SQLite store and an EventStoreDB
 * cluster are interchangeable behind this port; one contract suite runs against every adapter.
 */

/** `any`, a stream that must not exist yet, one that must, or the exact revision of its last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventMetadata {
  /** Schema version of `data` for this event type; older versions are upcast on read. */
  schemaVersion: number;
  office?: string;
  registrar?: string;
  idempotencyKey?: string;
  /** Groups the events that one command recorded, across streams. */
  commandId?: string;
  [key: string]: unknown;
}

export interface NewEvent {
  /** Time-ordered (UUIDv7). Appending an event whose ID is already in the stream is a no-op. */
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  /** Position in the whole log: strictly increasing in commit order, not necessarily dense. */
  position: number;
  type: string;
  data: unknown;
  /**
   * The JSON text the log holds for `data` (it parses to `data`), when the adapter has it at no
   * cost: SQLite does; EventStoreDB's client hands `data` already parsed, so it leaves it out, as
   * do events built in memory. A consumer writing the data into JSON of its own copies this text
   * instead of serialising `data` again, and must do without it when it is missing.
   */
  dataJson?: string;
  metadata: EventMetadata;
  /** Instant the store committed it (ISO 8601 UTC). */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextRevision: number;
  /** Log position of the last event appended. */
  position: number;
}

export interface StreamWrite {
  streamId: string;
  expectedRevision: ExpectedRevision;
  /** May be empty: the write then only asserts the expected revision. */
  events: NewEvent[];
}

export interface AppendOptions {
  /**
   * An append this one must follow (a promise `appendToStreams` returned): it is recorded only
   * after that one committed, in that order, and fails with `EarlierAppendFailed`, recording
   * nothing, if that one failed. A caller may then hand over a batch decided on top of one still
   * committing without waiting for its commit; the store may record both in one transaction or in
   * two, or wait for the earlier one before it starts.
   */
  after?: Promise<unknown>;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive; forwards defaults to 0, backwards to the end. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to start at the beginning. */
  after?: number;
  /** At most this many events (of `types`, when given). */
  maxCount?: number;
  /**
   * Only events of these types: the others are passed over without being parsed (SQLite filters
   * them in its read), so a reader that uses a few types does not pay for the whole log.
   */
  types?: readonly string[];
}

export interface Subscription {
  /** Stops delivery; resolves once no handler call is in flight. */
  stop(): Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after this position. */
  after?: number;
  /** Called with each batch in log order; the next batch waits for the returned promise. */
  onEvents: (events: RecordedEvent[]) => Promise<void> | void;
  onError?: (error: unknown) => void;
}

export interface EventStore {
  /** Appends to one stream if its revision is as expected; throws `WrongExpectedRevision` if not. */
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;

  /**
   * Appends to several streams as one fact: either every write is visible or none is, even
   * after a crash once recovery has run. Throws `WrongExpectedRevision` naming the first stream
   * whose revision was not as expected, and then records nothing.
   */
  appendToStreams(writes: StreamWrite[], options?: AppendOptions): Promise<AppendResult[]>;

  /** A stream's events; an empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** The whole log in commit order, excluding system streams (names starting with `$`). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Catches up from the checkpoint, then follows new events live, in log order. */
  subscribeToAll(options: SubscribeOptions): Subscription;

  close(): Promise<void>;
}

export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** The append this one had to follow (`AppendOptions.after`) failed: this one recorded nothing. */
export class EarlierAppendFailed extends Error {
  constructor() {
    super('the append this one had to follow failed; this one is not recorded');
    this.name = 'EarlierAppendFailed';
  }
}

/**
 * `after` honoured by waiting for it: the append starts once the earlier one settled. Adapters
 * whose appends cannot be queued behind one another inside the store do this.
 */
export async function appendAfter<T>(after: Promise<unknown> | undefined, append: () => Promise<T>): Promise<T> {
  if (after !== undefined) {
    try {
      await after;
    } catch {
      throw new EarlierAppendFailed();
    }
  }
  return append();
}

/** Streams whose names start with `$` hold the store's own bookkeeping, not facts. */
export const isSystemStream = (streamId: string): boolean => streamId.startsWith('$');

/** An event ID is already recorded, and not as these same events at this place in this stream. */
export class DuplicateEventId extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`stream ${streamId}: event ${eventId} is already recorded elsewhere`);
    this.name = 'DuplicateEventId';
  }
}
