import type Database from 'better-sqlite3';
import { AppendResult, StreamWrite } from '../event-store.port';
import { EventStatements } from './event-statements';
import { recordWrites } from './record-writes';

interface PendingAppend {
  writes: StreamWrite[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
}

type Outcome = { results: AppendResult[] } | { error: unknown };

/**
 * The one writer. Appends that arrive while a batch is prepared or committed wait in a queue and
 * are committed together on the next turn of the event loop: one transaction and one fsync for
 * the batch, each append acknowledged only after that commit returned. Each append runs under
 * its own savepoint, so a refused append is undone alone and the rest of its batch commits.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled = false;
  private readonly commitBatch: Database.Transaction<(batch: PendingAppend[]) => Outcome[]>;

  constructor(
    db: Database.Database,
    statements: EventStatements,
    private readonly onCommitted: () => void,
    /** The instant a batch is recorded at: the wall clock, or a synthetic country's own time. */
    now: () => Date = () => new Date(),
  ) {
    const record = (writes: StreamWrite[], recordedAt: string) => recordWrites(statements, writes, recordedAt);
    // Nested inside commitBatch, better-sqlite3 runs this one as a savepoint.
    const recordUnderSavepoint = db.transaction(record);
    // A savepoint costs about a third of a single-event append's CPU; an append of one event to
    // one stream fails before writing or with its one statement, which SQLite undoes by itself.
    const recordAppend = (writes: StreamWrite[], recordedAt: string) =>
      (canFailHalfway(writes) ? recordUnderSavepoint : record)(writes, recordedAt);
    this.commitBatch = db.transaction((batch: PendingAppend[]) => {
      const recordedAt = now().toISOString();
      return batch.map((append): Outcome => {
        try {
          return { results: recordAppend(append.writes, recordedAt) };
        } catch (error) {
          // An I/O error or a full disk aborts the whole transaction: fail the batch, not the append.
          if (!db.inTransaction) throw error;
          return { error };
        }
      });
    });
  }

  submit(writes: StreamWrite[]): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ writes, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now; runs synchronously, so nothing can join a batch mid-commit. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch.immediate(batch);
    } catch (error) {
      batch.forEach((append) => append.reject(error));
      return;
    }
    outcomes.forEach((outcome, i) =>
      'results' in outcome ? batch[i].resolve(outcome.results) : batch[i].reject(outcome.error),
    );
    if (outcomes.some((outcome) => 'results' in outcome)) this.onCommitted();
  }
}

const canFailHalfway = (writes: StreamWrite[]): boolean =>
  writes.length > 1 || (writes[0]?.events.length ?? 0) > 1;
