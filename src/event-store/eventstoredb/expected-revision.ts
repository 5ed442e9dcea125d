import {
  ANY,
  AppendExpectedRevision,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ExpectedRevision, WrongExpectedRevision } from '../event-store.port';

/** The port speaks in numbers; the client in BigInt revisions and its own constants. */
export function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** Rethrows the client's concurrency error as the port's, so callers handle one error type. */
export function translateAppendError(
  error: unknown,
  streamId: string,
  expected: ExpectedRevision,
): never {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    throw new WrongExpectedRevision(streamId, expected, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
  }
  throw error;
}
