import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';
import type { WriteStatements } from './event-statements';
import type { SerialisedWrite } from './packed-append';
import { recordWrites } from './record-writes';

export type Outcome = { results: AppendResult[] } | { error: unknown };

/** Commits a batch of appends in one transaction and says, for each, what became of it. */
export type CommitBatch = (appends: SerialisedWrite[][], recordedAt: string) => Outcome[];

/**
 * One `BEGIN IMMEDIATE` transaction and one fsync for the whole batch. Each append runs under its
 * own savepoint, so a refused append is undone alone and the rest of its batch commits. Throws
 * when the transaction itself fails (an I/O error, a full disk): then nothing of it was recorded.
 */
export function batchCommitter(db: Database.Database, statements: WriteStatements): CommitBatch {
  const record = (writes: SerialisedWrite[], recordedAt: string) => recordWrites(statements, writes, recordedAt);
  // Nested inside the batch's transaction, better-sqlite3 runs this one as a savepoint.
  const recordUnderSavepoint = db.transaction(record);
  // A savepoint costs about a third of a single-event append's CPU; an append of one event to
  // one stream fails before writing or with its one statement, which SQLite undoes by itself.
  const recordAppend = (writes: SerialisedWrite[], recordedAt: string) =>
    (canFailHalfway(writes) ? recordUnderSavepoint : record)(writes, recordedAt);
  const commit = db.transaction((appends: SerialisedWrite[][], recordedAt: string) =>
    appends.map((writes): Outcome => {
      try {
        return { results: recordAppend(writes, recordedAt) };
      } catch (error) {
        // An I/O error or a full disk aborts the whole transaction: fail the batch, not the append.
        if (!db.inTransaction) throw error;
        return { error };
      }
    }),
  );
  return (appends, recordedAt) => commit.immediate(appends, recordedAt);
}

const canFailHalfway = (writes: SerialisedWrite[]): boolean =>
  writes.length > 1 || (writes[0]?.events.length ?? 0) > 1;
