import type { EventStore, RecordedEvent } from '../../event-store/event-store.port';

const first = async (store: EventStore, after: number): Promise<RecordedEvent | undefined> =>
  (await store.readAll({ after, maxCount: 1 }))[0];

/**
 * The last event of the log after `from` (undefined when there is none), found with the port's
 * forward reads alone: gallop ahead until nothing follows, then bisect. About 2·log2(distance)
 * one-event reads, each an index lookup on the embedded store.
 */
export async function lastEventAfter(store: EventStore, from = 0): Promise<RecordedEvent | undefined> {
  let last = await first(store, from);
  if (!last) return undefined;
  let step = 1_024;
  let beyond: number;
  for (;;) {
    const probe = Math.min(last.position + step, Number.MAX_SAFE_INTEGER);
    const found = await first(store, probe);
    if (!found) {
      beyond = probe;
      break;
    }
    last = found;
    step *= 2;
  }
  // Invariant: `last` is an event and nothing follows `beyond`.
  while (beyond - last.position > 1) {
    const middle = Math.floor((last.position + beyond) / 2);
    const found = await first(store, middle);
    if (found) last = found;
    else beyond = middle;
  }
  return (await first(store, last.position)) ?? last;
}
