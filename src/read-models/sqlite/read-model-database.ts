import Database from 'better-sqlite3';

/**
 * The page size of a new read-model file (a file that exists keeps its own). SQLite writes the WAL
 * and checkpoints a page at a time, and a rebuild writes hundreds of megabytes of documents of 1 to
 * 3 KB: at 8 KiB rather than the default 4 KiB, rebuilding `persons` made 124,000 writes instead of
 * 268,000 and a file of 290 MB instead of 317 MB (fewer documents spill onto overflow pages). At 16
 * KiB it made fewer still, but a read by ID, which reads a whole page, was slower.
 */
export const READ_MODEL_PAGE_SIZE = 8_192;

/**
 * A connection whose files are attached to it (attachReadModelFile), each only once a projection
 * it holds is named. Its main database is in memory and holds nothing: no file is every
 * connection's, and a transaction locks only the files it writes (SqliteReadModelStore).
 */
export function openReadModelConnection(busyTimeoutMs = 5_000): Database.Database {
  const db = new Database(':memory:');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // A checkpoint syncs the file: at SQLite's default (every 1,000 pages, 4 MB) a rebuild, whose
  // commits each carry megabytes, checkpointed after nearly every commit and waited on the disk
  // for a third of its time. Every 16,384 pages (64 MB of WAL) it syncs ~16 times less often,
  // and a page rewritten by several commits (indexes, population cells) is copied once.
  db.pragma('wal_autocheckpoint = 16384');
  return db;
}

/**
 * Attaches a read-model file as `schema`, a different file from the log's so projection commits
 * never wait for the log's writer. WAL with synchronous=NORMAL: a power cut may lose the last
 * commits, but a commit's writes and its checkpoint (in the same file) are lost together, and the
 * projection simply applies those events again; nothing here is the source of truth.
 */
export function attachReadModelFile(db: Database.Database, path: string, schema: string): void {
  db.prepare(`ATTACH DATABASE ? AS ${quoted(schema)}`).run(path);
  const at = quoted(schema);
  db.pragma(`${at}.page_size = ${READ_MODEL_PAGE_SIZE}`);
  db.pragma(`${at}.journal_mode = WAL`);
  db.pragma(`${at}.synchronous = NORMAL`);
  // 64 MiB a file, as the one file had before: population on a date reads every cohort, more than
  // 16 MiB, and at 16 MiB a file took 416 ms against 187 (statistics bench, same hour). A file's
  // cache grows only as far as its pages are read.
  db.pragma(`${at}.cache_size = -65536`);
  db.exec(`CREATE TABLE IF NOT EXISTS ${at}.checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL)`);
}

export const quoted = (name: string): string => `"${name}"`;
export const tableOf = (collection: string): string => `"rm_${collection}"`;
export const columnOf = (field: string): string => (field === 'id' ? 'id' : `"f_${field}"`);

/**
 * Creates the collection's table in `schema`, a column per indexed field and the indexes;
 * idempotent. A field added to a table that holds rows is filled from the documents. Files made
 * before index columns were plain keep their generated columns (`json_extract` of the document),
 * which work the same.
 */
export function defineCollection(db: Database.Database, schema: string, collection: string, indexes: string[][]): void {
  const table = `${quoted(schema)}.${tableOf(collection)}`;
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
  const columns = new Set(columnsOf(db, schema, collection).map((column) => column.name));
  for (const field of new Set(indexes.flat())) {
    if (field === 'id' || columns.has(`f_${field}`)) continue;
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${columnOf(field)}`);
    db.exec(`UPDATE ${table} SET ${columnOf(field)} = json_extract(doc, '$.${field}')`);
  }
  for (const index of indexes) {
    db.exec(`CREATE INDEX IF NOT EXISTS ${quoted(schema)}.${indexNameOf(collection, index)} ON ${tableOf(collection)} (${index.map(columnOf).join(', ')})`);
  }
}

/** The indexed fields whose columns a write fills (plain columns, not generated ones). */
export function filledFields(db: Database.Database, schema: string, collection: string): string[] {
  return columnsOf(db, schema, collection)
    .filter((column) => column.hidden === 0 && column.name.startsWith('f_'))
    .map((column) => column.name.slice(2));
}

const columnsOf = (db: Database.Database, schema: string, collection: string) =>
  db.prepare(`PRAGMA ${quoted(schema)}.table_xinfo(${tableOf(collection)})`).all() as Array<{ name: string; hidden: number }>;

/**
 * A field's value as its column holds it, as `json_extract` would give it: booleans as 1 and 0,
 * a missing field as NULL, an object or array as its JSON.
 */
export function columnValue(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number;
}

/** Drops the collection's secondary indexes (a bulk load builds them again by `defineCollection`). */
export function dropIndexes(db: Database.Database, schema: string, collection: string, indexes: string[][]): void {
  for (const index of indexes) db.exec(`DROP INDEX IF EXISTS ${quoted(schema)}.${indexNameOf(collection, index)}`);
}

const indexNameOf = (collection: string, index: string[]): string => `"rm_${collection}__${index.join('__')}"`;
