import { join } from 'path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { singleStreamOnly } from './single-stream-logs';
import { makeTempDir } from './temp-dir';
import { describeTransactionCrashRecovery } from './transaction-crash';

let dir: ReturnType<typeof makeTempDir>;

describeTransactionCrashRecovery(
  'over single-stream SQLite',
  async () => {
    dir = makeTempDir();
    return singleStreamOnly(new SqliteEventStore(join(dir.path, 'events.db'), { pollIntervalMs: 20 }));
  },
  () => dir.remove(),
);
