import { newEventId } from '../event-id';
import { ExpectedRevision, NewEvent, RecordedEvent, StreamWrite } from '../event-store.port';

/**
 * The decorator's bookkeeping lives in ordinary streams under a reserved prefix rather than `$`
 * streams: readers place a transaction's events where its commit records sit in the log, so those
 * records must come back from `readAll`, which leaves `$` streams out on every adapter.
 */
const PREFIX = '_tx-';
/** Every transaction's writes, appended before the first of them lands: recovery's to-do list. */
export const JOURNAL_STREAM = `${PREFIX}journal`;
/** Journal revisions recovery has finished with, so the next run starts after them. */
export const RECOVERED_STREAM = `${PREFIX}recovered`;
/** Holds exactly one outcome, appended at `no_stream`: commit and abort exclude each other. */
export const outcomeStream = (transactionId: string): string => `${PREFIX}${transactionId}`;
export const isBookkeepingStream = (streamId: string): boolean => streamId.startsWith(PREFIX);

export const TRANSACTION_STARTED = 'TransactionStarted';
export const EVENT_COMMITTED = 'TransactionEventCommitted';
export const TRANSACTION_ABORTED = 'TransactionAborted';

export interface TransactionStarted {
  transactionId: string;
  /** Events already carry `metadata.transactionId`. */
  writes: StreamWrite[];
}

/** One per event of the transaction, in write order: the event as readers see it, at this record's position. */
export interface EventCommitted {
  transactionId: string;
  streamId: string;
  revision: number;
  event: NewEvent;
}

export interface TransactionAborted {
  transactionId: string;
  conflict: { streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' };
}

export const transactionIdOf = (event: RecordedEvent): string | undefined => {
  const id = event.metadata?.transactionId;
  return typeof id === 'string' ? id : undefined;
};

export const tagWrites = (transactionId: string, writes: StreamWrite[]): StreamWrite[] =>
  writes.map((write) => ({
    ...write,
    events: write.events.map((event) => ({ ...event, metadata: { ...event.metadata, transactionId } })),
  }));

export const record = <T>(type: string, data: T): NewEvent => ({
  id: newEventId(),
  type,
  data,
  metadata: { schemaVersion: 1 },
});

/** The event a commit record stands for, placed at the commit record's position and time. */
export const committedEvent = (commit: RecordedEvent): RecordedEvent => {
  const { streamId, revision, event } = commit.data as EventCommitted;
  return { ...event, streamId, revision, position: commit.position, recordedAt: commit.recordedAt };
};
