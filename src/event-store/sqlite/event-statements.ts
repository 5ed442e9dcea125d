import type Database from 'better-sqlite3';
import { EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * A row as the reads select it (EVENT_ROW): an array rather than an object per row, which
 * better-sqlite3 builds a third faster (half a second of a 500,000-event rebuild).
 */
export type EventRow = [
  position: number,
  id: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

const EVENT_ROW = 'position, id, stream_id, revision, type, data, metadata, recorded_at';

export interface StreamTip {
  revision: number;
  position: number;
}

/** Rows per multi-row INSERT of the bulk path: the per-statement cost is paid once per this many events. */
export const ROWS_PER_INSERT = 32;

const EVENT_COLUMNS = 7;

/** The statements the writer thread's connection runs, prepared once. */
export function prepareWriteStatements(db: Database.Database) {
  const insertRows = new Map<number, Database.Statement<unknown[]>>();
  return {
    /** `INSERT ... VALUES (7 values) × rows`, prepared on first use for each row count up to ROWS_PER_INSERT. */
    insertRows(rows: number): Database.Statement<unknown[]> {
      let statement = insertRows.get(rows);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        );
        insertRows.set(rows, statement);
      }
      return statement;
    },
    insert: db.prepare<[string, string, number, string, string, string, string]>(
      `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    tip: db.prepare<[string], StreamTip>(
      `SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`,
    ),
    byId: db.prepare<[string], { streamId: string; revision: number }>(
      `SELECT stream_id AS streamId, revision FROM events WHERE id = ?`,
    ),
    atRevision: db.prepare<[string, number], { id: string; position: number }>(
      `SELECT id, position FROM events WHERE stream_id = ? AND revision = ?`,
    ),
  };
}

/** The statements the main thread's connection runs (it only reads), prepared once. */
export function prepareReadStatements(db: Database.Database) {
  return {
    // LIMIT -1 means no limit in SQLite.
    streamForwards: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_ROW} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true),
    streamBackwards: db
      .prepare<[string, number, number], EventRow>(
        `SELECT ${EVENT_ROW} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true),
    all: db
      .prepare<[number, number], EventRow>(
        `SELECT ${EVENT_ROW} FROM events WHERE position > ? AND stream_id NOT GLOB '$*' ORDER BY position LIMIT ?`,
      )
      .raw(true),
    /** As `all`, of the types listed in a JSON array: the rows of other types are never built. */
    allOfTypes: db
      .prepare<[number, string, number], EventRow>(
        `SELECT ${EVENT_ROW} FROM events
         WHERE position > ? AND stream_id NOT GLOB '$*' AND type IN (SELECT value FROM json_each(?))
         ORDER BY position LIMIT ?`,
      )
      .raw(true),
  };
}

export type WriteStatements = ReturnType<typeof prepareWriteStatements>;
export type ReadStatements = ReturnType<typeof prepareReadStatements>;

export const valuesPerEvent = EVENT_COLUMNS;

export const toRecordedEvent = ([position, id, streamId, revision, type, data, metadata, recordedAt]: EventRow): RecordedEvent => ({
  id,
  streamId,
  revision,
  position,
  type,
  data: JSON.parse(data),
  dataJson: data,
  metadata: JSON.parse(metadata) as EventMetadata,
  recordedAt,
});
