import { AppendResult, DuplicateEventId, WrongExpectedRevision } from '../event-store.port';
import type { PackedAppend } from './packed-append';

/** What the main thread asks of the writer thread. */
export type WriterRequest = { kind: 'commit'; appends: PackedAppend[]; recordedAt: string } | { kind: 'close' };

/** An error as it crosses threads: the store's own refusals keep their class and fields. */
export type CarriedError =
  | { kind: 'wrong-expected-revision'; streamId: string; expected: WrongExpectedRevision['expected']; actual: WrongExpectedRevision['actual'] }
  | { kind: 'duplicate-event-id'; streamId: string; eventId: string }
  | { kind: 'error'; message: string; code?: string };

/** The writer thread's answer to one commit: an outcome per append, or the whole batch failed. */
export type WriterReply =
  | { outcomes: ({ results: AppendResult[] } | { error: CarriedError })[] }
  | { failed: CarriedError };

export function carry(error: unknown): CarriedError {
  if (error instanceof WrongExpectedRevision) {
    return { kind: 'wrong-expected-revision', streamId: error.streamId, expected: error.expected, actual: error.actual };
  }
  if (error instanceof DuplicateEventId) return { kind: 'duplicate-event-id', streamId: error.streamId, eventId: error.eventId };
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return { kind: 'error', message: String(message ?? error), ...(typeof code === 'string' ? { code } : {}) };
}

export function restore(carried: CarriedError): Error {
  switch (carried.kind) {
    case 'wrong-expected-revision':
      return new WrongExpectedRevision(carried.streamId, carried.expected, carried.actual);
    case 'duplicate-event-id':
      return new DuplicateEventId(carried.streamId, carried.eventId);
    default:
      return Object.assign(new Error(carried.message), carried.code ? { code: carried.code } : {});
  }
}
