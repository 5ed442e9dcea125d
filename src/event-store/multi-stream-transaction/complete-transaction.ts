import { AppendResult, RecordedEvent, StreamWrite, WrongExpectedRevision } from '../event-store.port';
import { SingleStreamLog } from './single-stream-log';
import { StreamState, alreadyRecorded, placeFor, readStreamState } from './stream-state';
import { TransactionOutcomes } from './transaction-outcomes';
import {
  EVENT_COMMITTED,
  EventCommitted,
  TRANSACTION_ABORTED,
  TransactionAborted,
  TransactionStarted,
  outcomeStream,
  record,
  transactionIdOf,
} from './transaction-records';

export interface TransactionContext {
  log: SingleStreamLog;
  outcomes: TransactionOutcomes;
}

/**
 * Lands every write of a journaled transaction, then appends its outcome: commit if all landed,
 * abort at the first that cannot. The writer and recovery both run this, possibly at once on the
 * same transaction: each landing is a compare-and-set that recognises events the other already
 * landed, and the outcome stream takes one outcome only, so they cannot disagree.
 */
export async function completeTransaction(
  context: TransactionContext,
  started: TransactionStarted,
  firstLook: StreamState[] = [],
): Promise<AppendResult[]> {
  const { transactionId } = started;
  const landing = await landWrites(context, started, firstLook);
  const records =
    landing instanceof WrongExpectedRevision
      ? [record<TransactionAborted>(TRANSACTION_ABORTED, { transactionId, conflict: { ...landing } })]
      : commitRecords(started, landing);
  try {
    await context.log.appendToStream(outcomeStream(transactionId), records, { expectedRevision: 'no_stream' });
  } catch (error) {
    if (!(error instanceof WrongExpectedRevision)) throw error;
  }
  // The first outcome appended holds, whether this caller's or a concurrent recovery's.
  const outcome = await context.outcomes.get(transactionId);
  if (outcome.state === 'aborted') throw outcome.conflict;
  if (outcome.state === 'pending') throw new Error(`transaction ${transactionId} has no outcome`);
  return results(started, landing, outcome.events);
}

async function landWrites(
  context: TransactionContext,
  { transactionId, writes }: TransactionStarted,
  firstLook: StreamState[],
): Promise<number[] | WrongExpectedRevision> {
  const revisions: number[] = [];
  try {
    for (const [i, write] of writes.entries()) {
      revisions.push(await land(context, transactionId, write, firstLook[i]));
    }
    return revisions;
  } catch (error) {
    if (error instanceof WrongExpectedRevision) return error;
    throw error;
  }
}

/** Lands one write right after the revision it expects, or finds it landed; returns the stream's new revision. */
async function land(
  { log, outcomes }: TransactionContext,
  transactionId: string,
  write: StreamWrite,
  seen?: StreamState,
): Promise<number> {
  for (let state = seen ?? (await readStreamState(log, outcomes, write.streamId)); ; ) {
    const recorded = alreadyRecorded(state, write.events);
    if (recorded?.every((event) => transactionIdOf(event) === transactionId)) {
      return recorded[recorded.length - 1].revision;
    }
    if (recorded) {
      // The same event IDs belong to another fact: this write's place is taken.
      throw new WrongExpectedRevision(write.streamId, write.expectedRevision, state.visible);
    }
    const place = placeFor(state, write.expectedRevision);
    if (write.events.length === 0) return state.visible === 'no_stream' ? -1 : state.visible;
    try {
      return (await log.appendToStream(write.streamId, write.events, { expectedRevision: place })).nextRevision;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      state = await readStreamState(log, outcomes, write.streamId); // someone appended meanwhile: look again
    }
  }
}

/** One record per event, in write order, so readers meet the events in the order they were given. */
const commitRecords = ({ transactionId, writes }: TransactionStarted, revisions: number[]) =>
  writes.flatMap(({ streamId, events }, i) =>
    events.map((event, k) =>
      record<EventCommitted>(EVENT_COMMITTED, {
        transactionId,
        streamId,
        revision: revisions[i] - events.length + 1 + k,
        event,
      }),
    ),
  );

function results(
  { writes }: TransactionStarted,
  landing: number[] | WrongExpectedRevision,
  committed: Map<string, RecordedEvent>,
): AppendResult[] {
  const lastPosition = Math.max(...[...committed.values()].map((event) => event.position));
  return writes.map((write, i) => {
    const last = write.events.length > 0 ? committed.get(write.events[write.events.length - 1].id) : undefined;
    if (last) return { nextRevision: last.revision, position: last.position };
    // A write without events: its revision as checked, or as asserted when a concurrent recovery
    // committed the transaction after this writer's own check had failed.
    const asserted = typeof write.expectedRevision === 'number' ? write.expectedRevision : -1;
    return { nextRevision: Array.isArray(landing) ? landing[i] : asserted, position: lastPosition };
  });
}
