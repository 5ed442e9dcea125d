import { RecordedEvent } from '../event-store.port';
import { TransactionOutcomes } from './transaction-outcomes';
import { EVENT_COMMITTED, committedEvent, isBookkeepingStream, transactionIdOf } from './transaction-records';

/**
 * A stream's events as readers see them: those of a committed transaction take the position and
 * time of their commit record, as in `readAll`; those of a pending or aborted one are left out.
 */
export async function visibleInStream(
  outcomes: TransactionOutcomes,
  events: RecordedEvent[],
): Promise<RecordedEvent[]> {
  const visible: RecordedEvent[] = [];
  for (const event of events) {
    const transactionId = transactionIdOf(event);
    if (transactionId === undefined) {
      visible.push(event);
      continue;
    }
    const outcome = await outcomes.get(transactionId);
    if (outcome.state === 'committed') visible.push(outcome.events.get(event.id) ?? event);
  }
  return visible;
}

/**
 * The log as readers see it. A transaction's events are skipped where they landed and appear
 * instead where its commit records are, one per record: every event has its own position, all
 * of them after anything a checkpoint taken before the commit covers, so a subscriber resuming
 * from any checkpoint neither skips nor doubles one. Needs no reads, so subscriptions stay in order.
 */
export const visibleInLog = (events: RecordedEvent[]): RecordedEvent[] =>
  events.flatMap((event) => {
    if (isBookkeepingStream(event.streamId)) return event.type === EVENT_COMMITTED ? [committedEvent(event)] : [];
    return transactionIdOf(event) === undefined ? [event] : [];
  });

/**
 * Reads pages of the underlying log until `maxCount` visible events are found or the log ends,
 * since hidden events make a page shrink. `next` gives the cursor after a page's last event.
 */
export async function readVisiblePages(
  readPage: (cursor: number | undefined, maxCount: number | undefined) => Promise<RecordedEvent[]>,
  visible: (page: RecordedEvent[]) => Promise<RecordedEvent[]> | RecordedEvent[],
  next: (last: RecordedEvent) => number | undefined,
  start: number | undefined,
  maxCount: number | undefined,
): Promise<RecordedEvent[]> {
  const found: RecordedEvent[] = [];
  for (let cursor = start; ; ) {
    const page = await readPage(cursor, maxCount);
    found.push(...(await visible(page)));
    if (maxCount === undefined || page.length < maxCount || found.length >= maxCount) {
      return found.slice(0, maxCount);
    }
    cursor = next(page[page.length - 1]);
    if (cursor === undefined) return found;
  }
}
