import type { SourceRow, SourceRun } from './read-rows';
import { KeyColumns, rowKey } from './key-columns';

/** A row of the file with its idempotency key ('' for an unreadable row). */
export interface KeyedRow extends SourceRow {
  key: string;
}

/**
 * Keys the run's rows in place (a copy of each row with its key cost more than the key's text).
 * Rows without a header (NDJSON) are keyed with the columns of all the run's records, found once:
 * a record's key reads only its own, and columns written a row cost more than the key.
 */
export function keyed({ rows, columns }: SourceRun): KeyedRow[] {
  const keyColumns = columns ?? new KeyColumns(rows.flatMap(({ record }) => Object.keys(record)));
  for (const source of rows) (source as KeyedRow).key = source.unreadable ? '' : rowKey(source.record, keyColumns);
  return rows as KeyedRow[];
}
