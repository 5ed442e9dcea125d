import type { SourceRow, SourceRun } from './read-rows';
import { rowKey } from './row-keys';

/** A row of the file with its idempotency key ('' for an unreadable row). */
export interface KeyedRow extends SourceRow {
  key: string;
}

/** Keys the run's rows in place (a copy of each row with its key cost more than the key's text). */
export function keyed({ rows, columns }: SourceRun): KeyedRow[] {
  for (const source of rows) (source as KeyedRow).key = source.unreadable ? '' : rowKey(source.record, columns);
  return rows as KeyedRow[];
}
