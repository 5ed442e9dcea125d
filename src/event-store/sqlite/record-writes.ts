import { AppendResult, DuplicateEventId, ExpectedRevision, WrongExpectedRevision } from '../event-store.port';
import { WriteStatements, ROWS_PER_INSERT, StreamTip, valuesPerEvent } from './event-statements';
import { stringOf, type SerialisedEvent, type SerialisedWrite, type Utf8 } from './packed-append';

/**
 * Records the writes of one append inside the open transaction, or throws and leaves the caller
 * to roll back to its savepoint. Reads see earlier writes of the same transaction, so a stream
 * changed by an earlier append of the batch is checked against its new revision.
 */
export function recordWrites(
  statements: WriteStatements,
  writes: SerialisedWrite[],
  recordedAt: string,
): AppendResult[] {
  const results: AppendResult[] = new Array(writes.length);
  // Consecutive writes opening new streams share multi-row INSERTs (the bulk path's common case).
  let chunk: number[] = [];
  let rows = 0;
  const flush = () => {
    if (chunk.length > 1 ? !insertNewStreams(statements, writes, chunk, rows, recordedAt, results) : chunk.length === 1) {
      for (const i of chunk) results[i] = recordWrite(statements, writes[i]!, recordedAt);
    }
    chunk = [];
    rows = 0;
  };
  for (let i = 0; i < writes.length; i++) {
    const write = writes[i]!;
    const count = write.events.length;
    if (write.expectedRevision === 'no_stream' && count > 0 && count <= ROWS_PER_INSERT) {
      if (rows + count > ROWS_PER_INSERT) flush();
      chunk.push(i);
      rows += count;
    } else {
      flush();
      results[i] = recordWrite(statements, write, recordedAt);
    }
  }
  flush();
  return results;
}

/**
 * Several new streams' events in one INSERT statement. Revision 0 of each stream is the
 * `no_stream` check (UNIQUE (stream_id, revision)). When any row breaks a constraint, SQLite undoes
 * the whole statement and this answers false: the writes are then recorded one by one, which
 * finds the culprit and refuses it exactly as before. Rows take consecutive rowids in VALUES order
 * (a new rowid is the largest plus one), so each write's position follows from the last one.
 */
function insertNewStreams(
  statements: WriteStatements,
  writes: SerialisedWrite[],
  chunk: number[],
  rows: number,
  recordedAt: string,
  results: AppendResult[],
): boolean {
  const values: unknown[] = new Array(rows * valuesPerEvent);
  let at = 0;
  for (const i of chunk) {
    const { streamId, events } = writes[i]!;
    for (let revision = 0; revision < events.length; revision++) {
      const event = events[revision]!;
      values[at++] = event.id;
      values[at++] = streamId;
      values[at++] = revision;
      values[at++] = event.type;
      values[at++] = event.data;
      values[at++] = event.metadata;
      values[at++] = recordedAt;
    }
  }
  let last: number;
  try {
    // Spread, not the array: better-sqlite3 reads an array's values through V8's generic property
    // lookup, 0.3 µs a row more (in memory, the import's rows).
    last = Number(statements.insertRows(rows).run(...values).lastInsertRowid);
  } catch (error) {
    if (isConstraintViolation(error)) return false;
    throw error;
  }
  let row = 0;
  for (const i of chunk) {
    const count = writes[i]!.events.length;
    row += count;
    results[i] = { nextRevision: count - 1, position: last - (rows - row) };
  }
  return true;
}

function recordWrite(
  statements: WriteStatements,
  write: SerialisedWrite,
  recordedAt: string,
): AppendResult {
  const { streamId, expectedRevision, events } = write;
  if (expectedRevision === 'no_stream' && events.length > 0) {
    const fresh = recordNewStream(statements, write, recordedAt);
    if (fresh) return fresh;
  }
  const tip = statements.tip.get(streamId);
  if (!satisfies(expectedRevision, tip)) {
    const retried = alreadyRecorded(statements, streamId, events, expectedRevision);
    if (retried) return retried;
    throw new WrongExpectedRevision(stringOf(streamId), expectedRevision, tip?.revision ?? 'no_stream');
  }
  let revision = tip?.revision ?? -1;
  let position = tip?.position ?? -1;
  for (const event of events) {
    try {
      position = Number(
        statements.insert.run(
          event.id,
          streamId,
          ++revision,
          event.type,
          event.data,
          event.metadata,
          recordedAt,
        ).lastInsertRowid,
      );
    } catch (error) {
      if (!isDuplicateId(error)) throw error;
      // Only a retry whose first event collides can be the same events at the same place.
      const retried = event === events[0] && alreadyRecorded(statements, streamId, events, expectedRevision);
      if (retried) return retried;
      throw new DuplicateEventId(stringOf(streamId), stringOf(event.id));
    }
  }
  return { nextRevision: revision, position };
}

/**
 * The bulk path's common case, a new stream, without reading its tip: revision 0 can only be
 * inserted when the stream holds no event (UNIQUE (stream_id, revision)), so the first insert is
 * the check. When it fails for any reason nothing was written, and the caller takes the general
 * path (tip read, retry detection, the same errors as before).
 */
function recordNewStream(statements: WriteStatements, { streamId, events }: SerialisedWrite, recordedAt: string): AppendResult | undefined {
  let position = -1;
  for (let revision = 0; revision < events.length; revision++) {
    const event = events[revision]!;
    try {
      position = Number(
        statements.insert.run(event.id, streamId, revision, event.type, event.data, event.metadata, recordedAt)
          .lastInsertRowid,
      );
    } catch (error) {
      if (revision === 0 && isUniqueViolation(error)) return undefined;
      if (!isDuplicateId(error)) throw error;
      throw new DuplicateEventId(stringOf(streamId), stringOf(event.id));
    }
  }
  return { nextRevision: events.length - 1, position };
}

const satisfies = (expected: ExpectedRevision, tip: StreamTip | undefined): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return tip === undefined;
    case 'stream_exists':
      return tip !== undefined;
    default:
      return tip?.revision === expected;
  }
};

/**
 * Like EventStoreDB: the append is a retry when its events already sit in this stream, in order,
 * right after the revision the caller expected. The result is then the original one.
 */
function alreadyRecorded(
  statements: WriteStatements,
  streamId: Utf8,
  events: SerialisedEvent[],
  expected: ExpectedRevision,
): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const first = statements.byId.get(events[0].id);
  if (first?.streamId !== stringOf(streamId)) return undefined;
  const expectedFirst = typeof expected === 'number' ? expected + 1 : expected === 'no_stream' ? 0 : first.revision;
  if (first.revision !== expectedFirst) return undefined;
  let position = -1;
  for (let i = 0; i < events.length; i++) {
    const recorded = statements.atRevision.get(streamId, first.revision + i);
    if (recorded?.id !== stringOf(events[i].id)) return undefined;
    position = recorded.position;
  }
  return { nextRevision: first.revision + events.length - 1, position };
}

const isConstraintViolation = (error: unknown): boolean =>
  String((error as { code?: unknown } | undefined)?.code ?? '').startsWith('SQLITE_CONSTRAINT');

const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | undefined)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Duck-typed: under jest the native module's errors may come from another realm's `Error`. */
const isDuplicateId = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && String(message).includes('events.id');
};
