import { AppendResult, StreamWrite } from '../event-store.port';
import { StreamState, alreadyRecorded } from './stream-state';
import { TransactionOutcomes } from './transaction-outcomes';
import { visibleInStream } from './visible-events';

/**
 * A retried `appendToStreams` whose events are all recorded and visible already gets the
 * original results, as a retried append does on every adapter: a retried command never records
 * a fact twice. Anything else (new events, or recorded ones still hidden) is not a retry.
 */
export async function recordedBefore(
  outcomes: TransactionOutcomes,
  writes: StreamWrite[],
  states: StreamState[],
): Promise<AppendResult[] | undefined> {
  if (writes.every((write) => write.events.length === 0)) return undefined;
  const results: AppendResult[] = [];
  for (const [i, write] of writes.entries()) {
    const recorded = alreadyRecorded(states[i], write.events) ?? [];
    const visible = await visibleInStream(outcomes, recorded);
    if (visible.length !== write.events.length) return undefined;
    const last = visible[visible.length - 1];
    const tip = states[i].visible;
    results.push(last ? { nextRevision: last.revision, position: last.position } : unchanged(tip));
  }
  return results;
}

/** What a write without events reports: the stream's revision, and no position since nothing was appended. */
export const unchanged = (visible: number | 'no_stream'): AppendResult => ({
  nextRevision: visible === 'no_stream' ? -1 : visible,
  position: -1,
});
