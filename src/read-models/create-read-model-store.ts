import { mkdirSync } from 'fs';
import { join } from 'path';
import { MongoReadModelStore } from './mongodb/mongodb-read-model-store';
import type { ReadModelStore } from './read-model.port';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';

export interface ReadModelStoreConfig {
  /** Directory of the embedded store; `read-models.sqlite` is created in it. Defaults to `./data`. */
  dataDir?: string;
  /** A MongoDB replica-set connection string; wins over `dataDir`. */
  mongodbUrl?: string;
  /** How long an embedded store's commit waits on another connection's (default 5 s). */
  busyTimeoutMs?: number;
}

/**
 * Where read models live: a MongoDB replica set when a URL is given, else a SQLite file beside
 * (never inside) the embedded log, so projection commits never wait for the log's writer.
 */
export async function createReadModelStore({ dataDir = './data', mongodbUrl, busyTimeoutMs }: ReadModelStoreConfig = {}): Promise<ReadModelStore> {
  if (mongodbUrl) return MongoReadModelStore.connect(mongodbUrl);
  mkdirSync(dataDir, { recursive: true });
  return new SqliteReadModelStore(join(dataDir, 'read-models.sqlite'), busyTimeoutMs);
}
