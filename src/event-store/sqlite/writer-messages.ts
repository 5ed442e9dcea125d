import { AppendResult, DuplicateEventId, EarlierAppendFailed, WrongExpectedRevision } from '../event-store.port';
import type { PackedAppend } from './packed-append';

/**
 * What the main thread asks of the writer thread: a batch's pieces, in order, over one message or
 * several (the last says `commit`), so the thread inserts the first events of a large append while
 * the main thread still packs the rest.
 */
export type WriterRequest = { kind: 'write'; pieces: Piece[]; recordedAt: string; commit: boolean } | { kind: 'close' };

/**
 * Some writes of the batch's `append`-th append; an append's pieces come one after the other.
 * Without `packed`, the append was abandoned (an event of it could not be written as JSON) and
 * what its earlier pieces wrote is undone.
 */
export interface Piece {
  append: number;
  /** The append's number among every append this store submitted. */
  seq: number;
  /** The number of an append that must have been recorded for this one to be (`AppendOptions.after`). */
  after?: number;
  /** Whether the append must run under a savepoint (it could fail halfway). */
  savepoint: boolean;
  packed?: PackedAppend;
}

/** An error as it crosses threads: the store's own refusals keep their class and fields. */
export type CarriedError =
  | { kind: 'wrong-expected-revision'; streamId: string; expected: WrongExpectedRevision['expected']; actual: WrongExpectedRevision['actual'] }
  | { kind: 'duplicate-event-id'; streamId: string; eventId: string }
  | { kind: 'earlier-append-failed' }
  | { kind: 'error'; message: string; code?: string };

/**
 * The writer thread's answer to one commit, or the whole batch failed. Each append's outcome is
 * how many results it has (taken in turn from `results`: each write's next revision, then its
 * position) or its error. A structured clone of an object per write (a bulk batch holds
 * thousands) cost the main thread 0.4–0.6 µs a write to rebuild, property by property; one typed
 * array and an object built from it, under 0.1.
 */
export type WriterReply = { results: Float64Array; outcomes: (number | { error: CarriedError })[] } | { failed: CarriedError };

/** An outcome per append, as the main thread settles them: its results, or its error. */
export type SettledAppend = AppendResult[] | Error;

/** The appends' outcomes of a reply that committed. */
export function settledOf({ results, outcomes }: Extract<WriterReply, { outcomes: unknown }>): SettledAppend[] {
  let at = 0;
  return outcomes.map((outcome) => {
    if (typeof outcome !== 'number') return restore(outcome.error);
    const appended: AppendResult[] = new Array(outcome);
    for (let i = 0; i < outcome; i++) appended[i] = { nextRevision: results[at++]!, position: results[at++]! };
    return appended;
  });
}

export function carry(error: unknown): CarriedError {
  if (error instanceof WrongExpectedRevision) {
    return { kind: 'wrong-expected-revision', streamId: error.streamId, expected: error.expected, actual: error.actual };
  }
  if (error instanceof DuplicateEventId) return { kind: 'duplicate-event-id', streamId: error.streamId, eventId: error.eventId };
  if (error instanceof EarlierAppendFailed) return { kind: 'earlier-append-failed' };
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return { kind: 'error', message: String(message ?? error), ...(typeof code === 'string' ? { code } : {}) };
}

export function restore(carried: CarriedError): Error {
  switch (carried.kind) {
    case 'wrong-expected-revision':
      return new WrongExpectedRevision(carried.streamId, carried.expected, carried.actual);
    case 'duplicate-event-id':
      return new DuplicateEventId(carried.streamId, carried.eventId);
    case 'earlier-append-failed':
      return new EarlierAppendFailed();
    default:
      return Object.assign(new Error(carried.message), carried.code ? { code: carried.code } : {});
  }
}
