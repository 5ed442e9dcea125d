import { existsSync } from 'fs';
import { join } from 'path';
import { MongoReadModelStore } from './mongodb/mongodb-read-model-store';
import type { ReadModelStore } from './read-model.port';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';

export interface ReadModelStoreConfig {
  /** Directory of the embedded store; its read models are kept in `read-models/` there. Defaults to `./data`. */
  dataDir?: string;
  /** A MongoDB replica-set connection string; wins over `dataDir`. */
  mongodbUrl?: string;
  /** How long an embedded store's commit waits on another connection's (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * Where read models live: a MongoDB replica set when a URL is given, else a folder of SQLite
 * files (one per projection) beside the embedded log, so projection commits never wait for the
 * log's writer. A `read-models.sqlite` left there by a release before that folder is not read:
 * the projections catch up from an empty folder (docs/operations.md, "Upgrading").
 */
export async function createReadModelStore({ dataDir = './data', mongodbUrl, busyTimeoutMs }: ReadModelStoreConfig = {}): Promise<ReadModelStore> {
  if (mongodbUrl) return MongoReadModelStore.connect(mongodbUrl);
  const older = join(dataDir, 'read-models.sqlite');
  if (existsSync(older)) console.warn(`${older} holds an older release's read models, which are no longer read: delete it once this release is kept`);
  return new SqliteReadModelStore(join(dataDir, 'read-models'), busyTimeoutMs);
}
