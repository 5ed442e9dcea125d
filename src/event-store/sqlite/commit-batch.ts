import type Database from 'better-sqlite3';
import { EarlierAppendFailed, type AppendResult } from '../event-store.port';
import type { WriteStatements } from './event-statements';
import { unpack } from './packed-append';
import { recordWrites } from './record-writes';
import { carry, type Piece, type WriterReply } from './writer-messages';

export type Outcome = { results: AppendResult[] } | { error: unknown };

/** What became of a batch once committed: an outcome per append, or the whole transaction failed. */
export type BatchOutcome = { outcomes: Outcome[] } | { failed: unknown };

/** A batch's outcome as the writer thread answers it (`WriterReply`). */
export function replyOf(committed: BatchOutcome): WriterReply {
  if ('failed' in committed) return { failed: carry(committed.failed) };
  let count = 0;
  for (const outcome of committed.outcomes) if ('results' in outcome) count += outcome.results.length;
  const results = new Float64Array(count * 2);
  let at = 0;
  const outcomes = committed.outcomes.map((outcome) => {
    if (!('results' in outcome)) return { error: carry(outcome.error) };
    for (const { nextRevision, position } of outcome.results) {
      results[at++] = nextRevision;
      results[at++] = position;
    }
    return outcome.results.length;
  });
  return { results, outcomes };
}

/** The writes of one append, as far as they have arrived. */
interface OpenAppend {
  index: number;
  seq: number;
  underSavepoint: boolean;
  results: AppendResult[];
  error?: { error: unknown };
}

/**
 * One `BEGIN IMMEDIATE` transaction and one fsync for a whole batch, written piece by piece as the
 * pieces arrive: the main thread packs a large append's next events while this thread inserts the
 * ones before, instead of one after the other. Each append runs under its own savepoint, so a
 * refused append is undone alone (its later pieces skipped) and the rest of its batch commits.
 * When the transaction itself fails (an I/O error, a full disk, the write lock not had in time),
 * nothing of the batch is recorded and it fails whole.
 */
export class BatchWriter {
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo', Database.Statement>;
  private outcomes: Outcome[] = [];
  private current: OpenAppend | undefined;
  private open = false;
  private failed: { error: unknown } | undefined;
  /** The appends of the batch being written. */
  private seqs: number[] = [];
  /**
   * The appends that failed in this batch and in the one before: an append to be recorded after
   * one of them is refused. The main thread settles an `after` itself once it knows the earlier
   * append's outcome, and it has at most one batch unanswered when it sends the next.
   */
  private failures: [Set<number>, Set<number>] = [new Set(), new Set()];

  constructor(
    private readonly db: Database.Database,
    private readonly statements: WriteStatements,
  ) {
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT append'),
      release: db.prepare('RELEASE append'),
      undo: db.prepare('ROLLBACK TO append'),
    };
  }

  /** Writes the next pieces of the batch, opening its transaction with the first. */
  write(pieces: Piece[], recordedAt: string): void {
    if (!this.open && !this.failed) this.attempt(() => this.sql.begin.run());
    this.open = true;
    for (const piece of pieces) this.writePiece(piece, recordedAt);
  }

  /** Commits what the batch's pieces wrote, and starts afresh for the next batch. */
  commit(): BatchOutcome {
    this.endAppend();
    if (!this.failed && this.db.inTransaction) this.attempt(() => this.sql.commit.run());
    const outcome: BatchOutcome = this.failed ? { failed: this.failed.error } : { outcomes: this.outcomes };
    if (this.failed) for (const seq of this.seqs) this.failures[0].add(seq);
    this.failures = [new Set(), this.failures[0]];
    this.seqs = [];
    this.outcomes = [];
    this.open = false;
    this.failed = undefined;
    return outcome;
  }

  private writePiece(piece: Piece, recordedAt: string): void {
    if (this.current?.index !== piece.append) this.startAppend(piece);
    const append = this.current!;
    if (this.failed || append.error) return;
    if (piece.packed === undefined) return this.refuse(append, new Error('the append was abandoned'));
    try {
      append.results.push(...recordWrites(this.statements, unpack(piece.packed), recordedAt));
    } catch (error) {
      this.refuse(append, error);
    }
  }

  private startAppend(piece: Piece): void {
    this.endAppend();
    this.seqs.push(piece.seq);
    if (piece.after !== undefined && this.failures.some((failed) => failed.has(piece.after!))) {
      this.current = { index: piece.append, seq: piece.seq, underSavepoint: false, results: [], error: { error: new EarlierAppendFailed() } };
      return;
    }
    this.current = { index: piece.append, seq: piece.seq, underSavepoint: piece.savepoint, results: [] };
    if (piece.savepoint) this.attempt(() => this.sql.savepoint.run());
  }

  private endAppend(): void {
    const append = this.current;
    if (!append) return;
    this.current = undefined;
    this.outcomes[append.index] = append.error ?? { results: append.results };
    if (append.error) this.failures[0].add(append.seq);
    if (append.underSavepoint && !append.error) this.attempt(() => this.sql.release.run());
  }

  /** Undoes the append alone; without a savepoint it failed before writing or in its one statement, which SQLite undid. */
  private refuse(append: OpenAppend, error: unknown): void {
    append.error = { error };
    // An I/O error or a full disk aborts the whole transaction: fail the batch, not the append.
    if (!this.db.inTransaction) this.failed ??= { error };
    else if (append.underSavepoint) this.attempt(() => (this.sql.undo.run(), this.sql.release.run()));
  }

  private attempt(statement: () => void): void {
    if (this.failed) return;
    try {
      statement();
    } catch (error) {
      this.failed = { error };
      if (this.db.inTransaction) this.sql.rollback.run();
    }
  }
}

/** A savepoint costs about a third of a single-event append's CPU; an append of one event to one stream needs none. */
export const canFailHalfway = (writes: readonly { events: readonly unknown[] }[]): boolean =>
  writes.length > 1 || (writes[0]?.events.length ?? 0) > 1;
