import { join } from 'path';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { describeReadModelContract } from './read-model.contract';

let dir: ReturnType<typeof makeTempDir>;

describeReadModelContract('SQLite', {
  open: async () => {
    dir = makeTempDir();
    return new SqliteReadModelStore(join(dir.path, 'read-models.sqlite'));
  },
  reopen: async () => new SqliteReadModelStore(join(dir.path, 'read-models.sqlite')),
  cleanup: () => dir.remove(),
});
