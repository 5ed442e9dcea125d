import { join } from 'path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { makeTempDir } from './temp-dir';

let dir: ReturnType<typeof makeTempDir>;

describeEventStoreContract(
  'SQLite',
  async () => {
    dir = makeTempDir();
    return new SqliteEventStore(join(dir.path, 'events.db'));
  },
  () => dir.remove(),
);
