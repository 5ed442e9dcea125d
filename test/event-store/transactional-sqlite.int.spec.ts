import { join } from 'path';
import { TransactionalEventStore } from '../../src/event-store/multi-stream-transaction/transactional-event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { singleStreamOnly } from './single-stream-logs';
import { makeTempDir } from './temp-dir';

let dir: ReturnType<typeof makeTempDir>;

/** The decorator over SQLite cut down to single-stream appends: the same shape as over EventStoreDB. */
describeEventStoreContract(
  'multi-stream transactions over single-stream SQLite',
  async () => {
    dir = makeTempDir();
    const store = new TransactionalEventStore(
      singleStreamOnly(new SqliteEventStore(join(dir.path, 'events.db'), { pollIntervalMs: 20 })),
    );
    await store.recover();
    return store;
  },
  () => dir.remove(),
);
