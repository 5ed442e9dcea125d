import type Database from 'better-sqlite3';
import { EventMetadata, RecordedEvent } from '../event-store.port';
import type { Utf8 } from './packed-append';

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

/**
 * An event's values as the writer binds them: its texts arrive as UTF-8 bytes (`packed-append.ts`),
 * which SQLite would store as a BLOB; cast, they are stored as the TEXT a string bound gave, byte
 * for byte, without better-sqlite3 turning each string into UTF-8 (nor the post copying it).
 */
const EVENT_VALUES = '(CAST(? AS TEXT), CAST(? AS TEXT), ?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?)';

/** The statements the writer thread's connection runs, prepared once. */
export function prepareWriteStatements(db: Database.Database) {
  const insertRows = new Map<number, Database.Statement<unknown[]>>();
  return {
    /** `INSERT ... VALUES (7 values) × rows`, prepared on first use for each row count up to ROWS_PER_INSERT. */
    insertRows(rows: number): Database.Statement<unknown[]> {
      let statement = insertRows.get(rows);
      if (!statement) {
        statement = db.prepare(
          `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES ${Array(rows).fill(EVENT_VALUES).join(', ')}`,
        );
        insertRows.set(rows, statement);
      }
      return statement;
    },
    insert: db.prepare<[Utf8, Utf8, number, Utf8, Utf8, Utf8, string]>(
      `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES ${EVENT_VALUES}`,
    ),
    tip: db.prepare<[Utf8], StreamTip>(
      `SELECT revision, position FROM events WHERE stream_id = CAST(? AS TEXT) ORDER BY revision DESC LIMIT 1`,
    ),
    byId: db.prepare<[Utf8], { streamId: string; revision: number }>(
      `SELECT stream_id AS streamId, revision FROM events WHERE id = CAST(? AS TEXT)`,
    ),
    atRevision: db.prepare<[Utf8, number], { id: string; position: number }>(
      `SELECT id, position FROM events WHERE stream_id = CAST(? AS TEXT) AND revision = ?`,
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
