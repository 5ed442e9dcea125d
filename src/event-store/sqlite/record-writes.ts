import {
  AppendResult,
  DuplicateEventId,
  ExpectedRevision,
  NewEvent,
  StreamWrite,
  WrongExpectedRevision,
} from '../event-store.port';
import { EventStatements, StreamTip } from './event-statements';

/**
 * Records the writes of one append inside the open transaction, or throws and leaves the caller
 * to roll back to its savepoint. Reads see earlier writes of the same transaction, so a stream
 * changed by an earlier append of the batch is checked against its new revision.
 */
export function recordWrites(
  statements: EventStatements,
  writes: StreamWrite[],
  recordedAt: string,
): AppendResult[] {
  return writes.map((write) => recordWrite(statements, write, recordedAt));
}

function recordWrite(
  statements: EventStatements,
  { streamId, expectedRevision, events }: StreamWrite,
  recordedAt: string,
): AppendResult {
  const tip = statements.tip.get(streamId);
  if (!satisfies(expectedRevision, tip)) {
    const retried = alreadyRecorded(statements, streamId, events, expectedRevision);
    if (retried) return retried;
    throw new WrongExpectedRevision(streamId, expectedRevision, tip?.revision ?? 'no_stream');
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
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        ).lastInsertRowid,
      );
    } catch (error) {
      if (!isDuplicateId(error)) throw error;
      // Only a retry whose first event collides can be the same events at the same place.
      const retried = event === events[0] && alreadyRecorded(statements, streamId, events, expectedRevision);
      if (retried) return retried;
      throw new DuplicateEventId(streamId, event.id);
    }
  }
  return { nextRevision: revision, position };
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
  statements: EventStatements,
  streamId: string,
  events: NewEvent[],
  expected: ExpectedRevision,
): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const first = statements.byId.get(events[0].id);
  if (first?.streamId !== streamId) return undefined;
  const expectedFirst = typeof expected === 'number' ? expected + 1 : expected === 'no_stream' ? 0 : first.revision;
  if (first.revision !== expectedFirst) return undefined;
  let position = -1;
  for (let i = 0; i < events.length; i++) {
    const recorded = statements.atRevision.get(streamId, first.revision + i);
    if (recorded?.id !== events[i].id) return undefined;
    position = recorded.position;
  }
  return { nextRevision: first.revision + events.length - 1, position };
}

/** Duck-typed: under jest the native module's errors may come from another realm's `Error`. */
const isDuplicateId = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && String(message).includes('events.id');
};
