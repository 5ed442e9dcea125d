import { mkdirSync } from 'fs';
import { join } from 'path';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { TransactionalEventStore } from './multi-stream-transaction/transactional-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreConfig {
  /** Directory of the embedded store; `events.sqlite` is created in it. Defaults to `./data`. */
  dataDir?: string;
  /** An EventStoreDB connection string, e.g. `esdb://localhost:2113?tls=false`; wins over `dataDir`. */
  eventStoreUrl?: string;
  /** The embedded store's source of `recordedAt` (EventStoreDB stamps its own). */
  clock?: () => Date;
}

/**
 * The log the application runs on. EventStoreDB only appends to one stream atomically, so it is
 * wrapped in the multi-stream transaction decorator and recovered before first use: a fact left
 * half-recorded by a crash is finished or aborted before anyone reads. SQLite appends to several
 * streams in one transaction natively.
 */
export async function createEventStore({ dataDir = './data', eventStoreUrl, clock }: EventStoreConfig = {}): Promise<EventStore> {
  if (eventStoreUrl) {
    const store = new TransactionalEventStore(new EventStoreDbEventStore(eventStoreUrl));
    await store.recover();
    return store;
  }
  mkdirSync(dataDir, { recursive: true });
  return new SqliteEventStore(join(dataDir, 'events.sqlite'), { clock });
}
