import { ExpectedRevision, NewEvent, RecordedEvent, WrongExpectedRevision } from '../event-store.port';
import { SingleStreamLog } from './single-stream-log';
import { TransactionOutcomes } from './transaction-outcomes';
import { transactionIdOf } from './transaction-records';

type Revision = number | 'no_stream';

export interface StreamState {
  streamId: string;
  /** Every event, hidden or not. */
  events: RecordedEvent[];
  /** Revision of the last event, hidden or not: where the next append must go. */
  physical: Revision;
  /** Revision of the last event readers see: what expected revisions are checked against. */
  visible: Revision;
  /** An undecided transaction has events past the visible tip, so `visible` may still change. */
  undecided: boolean;
}

/**
 * Reads a whole stream (a person's stream holds dozens of events, not thousands) and finds its
 * visible tip: aborted events are skipped for ever, undecided ones noted.
 */
export async function readStreamState(
  log: SingleStreamLog,
  outcomes: TransactionOutcomes,
  streamId: string,
): Promise<StreamState> {
  const events = await log.readStream(streamId);
  let undecided = false;
  let visible: Revision = 'no_stream';
  for (let i = events.length - 1; i >= 0 && visible === 'no_stream'; i--) {
    const transactionId = transactionIdOf(events[i]);
    const state = transactionId === undefined ? 'committed' : (await outcomes.get(transactionId)).state;
    if (state === 'committed') visible = events[i].revision;
    undecided ||= state === 'pending';
  }
  const physical = events.length === 0 ? 'no_stream' : events[events.length - 1].revision;
  return { streamId, events, physical, visible, undecided };
}

/**
 * The physical revision to append at, if the stream as readers see it matches `expected`.
 * Appending at the physical revision, never at `any`, makes every landing a compare-and-set, so a
 * writer and a recovery landing the same write cannot both succeed.
 */
export function placeFor(state: StreamState, expected: ExpectedRevision): Revision {
  if (expected === 'any') return state.physical;
  if (state.undecided) throw new WrongExpectedRevision(state.streamId, expected, state.physical);
  const ok =
    expected === 'no_stream'
      ? state.visible === 'no_stream'
      : expected === 'stream_exists'
        ? state.visible !== 'no_stream'
        : state.visible === expected;
  if (!ok) throw new WrongExpectedRevision(state.streamId, expected, state.visible);
  return state.physical;
}

/** The events of a write already in the stream, found by the ID of its first event. */
export function alreadyRecorded(state: StreamState, events: NewEvent[]): RecordedEvent[] | undefined {
  const first = state.events.findIndex((event) => event.id === events[0]?.id);
  return first < 0 ? undefined : state.events.slice(first, first + events.length);
}
