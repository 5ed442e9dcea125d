import type Database from 'better-sqlite3';
import { EventMetadata, RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

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
    streamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ),
    all: db.prepare<[number, number], EventRow>(
      `SELECT * FROM events WHERE position > ? AND stream_id NOT GLOB '$*' ORDER BY position LIMIT ?`,
    ),
  };
}

export type WriteStatements = ReturnType<typeof prepareWriteStatements>;
export type ReadStatements = ReturnType<typeof prepareReadStatements>;

export const valuesPerEvent = EVENT_COLUMNS;

export const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row.id,
  streamId: row.stream_id,
  revision: row.revision,
  position: row.position,
  type: row.type,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata) as EventMetadata,
  recordedAt: row.recorded_at,
});
