import type { RecordedEvent } from '../event-store.port';
import { toRecordedEvent, type EventRow } from './event-statements';

/**
 * Rows per statement run when reading a page of the log. A rebuild's page of 20,000 rows read in
 * one run held every row until the last was mapped, so the collector copied them all (and the
 * events made of them) out of the young generation; in runs of this many, a run's rows are dropped
 * young. A raw read of the bench's log in pages of 20,000 cost about a sixth less CPU so.
 */
export const ROWS_PER_RUN = 1_000;

/**
 * The events after `after`, at most `maxCount` (negative: no limit), read by `rows` (a statement
 * taking a position and a LIMIT) in runs of ROWS_PER_RUN. The runs need no shared snapshot: a
 * commit takes positions above every one committed before it, so a run sees the log as the runs
 * before it saw it, perhaps with later events.
 */
export function eventsAfter(rows: (after: number, limit: number) => EventRow[], after: number, maxCount: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let from = after;
  for (;;) {
    const limit = maxCount < 0 ? ROWS_PER_RUN : Math.min(ROWS_PER_RUN, maxCount - events.length);
    if (limit === 0) return events;
    const run = rows(from, limit);
    for (const row of run) events.push(toRecordedEvent(row));
    if (run.length < limit) return events;
    from = run[run.length - 1][0];
  }
}
