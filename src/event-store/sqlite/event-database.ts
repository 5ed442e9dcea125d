import Database from 'better-sqlite3';

/**
 * The position is the rowid: commits are serialised by SQLite's write lock and each new row takes
 * the next rowid, so log order is commit order, in this process and in any other.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

export interface EventDatabaseOptions {
  /** How long a write waits for another process holding the write lock. */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) an event log file, durable once a commit returns. */
export function openEventDatabase(path: string, options: EventDatabaseOptions = {}): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL syncs the WAL on every commit: an acknowledged append survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  db.exec(SCHEMA);
  return db;
}
