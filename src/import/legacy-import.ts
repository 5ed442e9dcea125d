import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BulkAgency, BulkCommand, BulkResult, PersonRef } from '../bulk/bulk-commands';
import type { BulkRecorder } from '../bulk/bulk-recorder';
import { DomainError, InvalidValue } from '../domain/shared/domain-error';
import type { EventStore } from '../event-store/event-store.port';
import { personStreamId } from '../ledger/person-stream';
import { progressWrite, readProgress, type ImportTotals, type Reject } from './import-checkpoint';
import type { KeyedRow } from './keyed-row';
import { readKeyedRows, type KeyedRows } from './keyed-rows';
import { formatOf } from './read-rows';
import { columnOf, commandOfRow, kindOf } from './row-commands';
import { progressEventId, rowIds, sha256OfFile } from './row-keys';

export interface ImportOptions {
  file: string;
  format?: string;
  /** Defaults to `FILE.rejects.ndjson`. */
  rejectsPath?: string;
  /** Rows per transaction. */
  batchSize?: number;
  agency: BulkAgency;
  onProgress?: (progress: { totals: ImportTotals; resumedFrom: number; bytes: number; totalBytes: number }) => void;
  /** Asked after each committed batch: true stops the import there (Ctrl-C), to be resumed later. */
  shouldStop?: () => boolean;
}

export interface ImportSummary extends ImportTotals {
  sha256: string;
  rejectsPath: string;
  /** Rows already handled by an earlier run of the same file. */
  resumedFrom: number;
  alreadyComplete: boolean;
  stopped: boolean;
}

/**
 * A batch's rows, its commands in row order, and the reasons of the rows refused before deciding
 * (few), by their place in `rows`. Not an object per row beside the row and its command: each one
 * lived until the batch committed, and the collector copied it twice on the way.
 */
interface RowBatch {
  rows: KeyedRow[];
  commands: BulkCommand[];
  refused: Map<number, Reject['reason']>;
}

const emptyBatch = (): RowBatch => ({ rows: [], commands: [], refused: new Map() });

const reasonOf = (error: DomainError): Reject['reason'] => {
  const field = error instanceof InvalidValue ? error.field : undefined;
  const column = columnOf(field);
  return { code: error.code, message: error.message, ...(field && { field }), ...(column && { column }) };
};

/**
 * `sijil import`: legacy rows through the bulk recorder, a batch per transaction, each batch's
 * progress and rejects committed with its facts in the import's system stream. A run that finds
 * progress for the same file content resumes after it; one that finds it complete records nothing.
 */
export class LegacyImport {
  /** Ref → row key of enrolments before the resume point: resolved from the log when named. */
  private readonly earlierRefs = new Map<string, string[]>();
  /** Ref → the row of the enrolment it names (the first: a second is refused). */
  private readonly refRows = new Map<string, number>();
  /**
   * Row → national ID of its enrolment, once recorded (or found recorded) in this run: a ref's
   * person is `refRows` then this, and a recorded enrolment is remembered without hashing its ref again.
   */
  private readonly recordedIds: (string | undefined)[] = [];
  /** Made once: a closure a row was garbage kept with its batch. */
  private readonly refOf = (named: string): PersonRef => {
    const row = this.refRows.get(named);
    return (row === undefined ? undefined : this.recordedIds[row]) ?? { ref: named };
  };
  private readonly seen = new Map<string, number>();
  private sha256 = '';

  constructor(
    private readonly store: EventStore,
    private readonly recorder: BulkRecorder,
  ) {}

  async run(options: ImportOptions): Promise<ImportSummary> {
    // The reader thread first: its start and its first rows overlap the file's hash and the progress read.
    const reading = readKeyedRows(options.file, formatOf(options.file, options.format));
    try {
      return await this.runReading(reading, options);
    } finally {
      await reading.close();
    }
  }

  private async runReading(reading: KeyedRows, options: ImportOptions): Promise<ImportSummary> {
    const sha256 = await sha256OfFile(options.file);
    this.sha256 = sha256;
    const file = { name: basename(options.file), sha256 };
    const rejectsPath = options.rejectsPath ?? `${options.file}.rejects.ndjson`;
    const progress = await readProgress(this.store, sha256);
    // The log is the truth: the rejects file is rewritten from it, whatever a crash left there.
    writeFileSync(rejectsPath, toLines(progress.rejects));
    const totals = { ...progress.totals };
    const summary = (stopped: boolean): ImportSummary => ({ ...totals, sha256, rejectsPath, resumedFrom: progress.totals.rowsDone, alreadyComplete: progress.complete, stopped });
    if (progress.complete) return summary(false);
    // An append of nothing: a store that starts its writer at the first append (SQLite's thread
    // boots, opens the file and compiles in tens of ms) has it ready by the first batch's commit.
    // A failing store fails the first batch's append as well: that one reports it.
    this.store.appendToStreams([]).catch(() => undefined);

    const totalBytes = statSync(options.file).size;
    const batchSize = options.batchSize ?? 2_000;
    let revision = progress.revision;
    // What the batch handed over last counts, as its latest append said (totals follows the commits).
    let handedOver: { counted: ImportTotals } = { counted: { ...totals } };
    let batch = emptyBatch();
    let bytes = 0;
    // The next batch is decided while the one before commits: at most two are with the recorder.
    let previous: Promise<void> = Promise.resolve();
    const flush = async (complete: boolean) => {
      const handled = batch;
      batch = emptyBatch();
      const rows = handled.rows;
      const expected = revision;
      revision = typeof revision === 'number' ? revision + 1 : 0;
      const before = handedOver;
      const mine = { counted: before.counted };
      handedOver = mine;
      let next = before.counted;
      let rejects: Reject[] = [];
      const recorded = this.recorder
        .record(handled.commands, {
          agency: options.agency,
          // Each result's status, national ID and refusal are all an import reads.
          withoutFacts: true,
          alsoAppend: (results) => {
            // Asked at each hand-over, perhaps while the batch before commits, and again whenever
            // the recorder decides this batch again (then after the batch before was asked for
            // the last time): count on from what the batch before counted when last asked.
            const start = before.counted;
            next = { ...start, rowsDone: rows.length ? rows[rows.length - 1]!.row : start.rowsDone };
            rejects = this.tally(handled, results, next);
            mine.counted = next;
            return [progressWrite(progressEventId(sha256, next.rowsDone), file, expected, next, complete, rejects)];
          },
        })
        .then((results) => {
          Object.assign(totals, next);
          this.rememberRefs(handled, results);
          // A crash before this line loses nothing: the next run rewrites the file from the log.
          if (rejects.length > 0) appendFileSync(rejectsPath, toLines(rejects));
          options.onProgress?.({ totals, resumedFrom: progress.totals.rowsDone, bytes, totalBytes });
        });
      // Its failure is reported by the await of it, after the batch before.
      recorded.catch(() => undefined);
      await previous;
      previous = recorded;
    };

    try {
      for await (const rows of reading) {
        for (const source of rows) {
          bytes = source.bytes;
          if (source.row <= progress.totals.rowsDone) {
            this.remember(source);
            continue;
          }
          // One row past the batch is read first, so the batch that ends the file is known to be the last.
          if (batch.rows.length === batchSize) {
            await flush(false);
            if (options.shouldStop?.()) {
              await previous;
              return summary(true);
            }
          }
          // Only a resumed import reads the log for a row (a ref to a row before the resume point).
          if (this.earlierRefs.size > 0) await this.lookUpEarlierRefs(source);
          this.prepare(source, batch);
        }
      }
    } catch (error) {
      // A malformed file stops the import: the batch already handed over is still recorded first.
      await previous.catch(() => undefined);
      throw error;
    }
    await flush(true);
    await previous;
    return summary(false);
  }

  /** A row before the resume point: what later rows may say about it (duplicate, ref), nothing decided. */
  private remember(source: KeyedRow): void {
    if (source.unreadable) return;
    const key = source.key;
    if (!this.seen.has(key)) this.seen.set(key, source.row);
    const record = source.record;
    const ref = record.ref;
    if (record.kind === 'enrolment' && ref !== undefined && !this.refRows.has(ref)) {
      this.refRows.set(ref, source.row);
      this.earlierRefs.set(ref, record.national_id ? [record.national_id, key] : [key]);
    }
  }

  /** The row into the batch, with its command or the reason it is refused before deciding. */
  private prepare(source: KeyedRow, batch: RowBatch): void {
    const key = source.key;
    batch.rows.push(source);
    try {
      if (source.unreadable) throw new InvalidValue('row', 'IMPORT.UNREADABLE_ROW', source.unreadable);
      const first = this.seen.get(key);
      if (first !== undefined) throw new InvalidValue('row', 'IMPORT.DUPLICATE_ROW', `row ${source.row} says the same as row ${first}`);
      this.seen.set(key, source.row);
      const record = source.record;
      const kind = kindOf(record);
      const ref = record.ref;
      if (kind === 'enrolment' && ref !== undefined) {
        const earlier = this.refRows.get(ref);
        if (earlier !== undefined) throw new InvalidValue('ref', 'IMPORT.DUPLICATE_REF', `ref ${ref} already names the person of row ${earlier}`);
        this.refRows.set(ref, source.row);
      }
      batch.commands.push(commandOfRow(record, kind, this.refOf, key, rowIds(this.sha256, source.row, key)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      batch.refused.set(batch.rows.length - 1, reasonOf(error));
    }
  }

  /**
   * A ref names the person of an earlier enrolment row: by national ID once recorded (`recordedIds`), as
   * `{ref}` while its batch is being decided (or when it was refused: the recorder then refuses the
   * row). The refs of rows before the resume point are found in the log, once, before the first
   * row naming them is prepared.
   */
  private async lookUpEarlierRefs(source: KeyedRow): Promise<void> {
    if (source.unreadable) return;
    const record = source.record;
    for (const column of refColumns) {
      const ref = record[column];
      const earlier = ref === undefined ? undefined : this.earlierRefs.get(ref);
      if (!earlier) continue;
      this.earlierRefs.delete(ref!);
      const found = await this.recordedUnder(earlier[earlier.length - 1]!, earlier.length > 1 ? earlier[0] : undefined);
      if (found) this.recordedIds[this.refRows.get(ref!)!] = found;
    }
  }

  /** The national ID an earlier run recorded a row's enrolment under, if it did. */
  private async recordedUnder(key: string, given: string | undefined): Promise<string | undefined> {
    const candidates = given ? [given] : Array.from({ length: 8 }, (_, attempt) => rowIds('', 0, key).nationalId(attempt));
    for (const nationalId of candidates) {
      const [first] = await this.store.readStream(personStreamId(nationalId), { maxCount: 1 });
      if (!first) return undefined;
      if (first.metadata.idempotencyKey === key) return nationalId;
    }
    return undefined;
  }

  /** Counts the batch into `totals` and answers its rejects, in row order. */
  private tally({ rows, refused }: RowBatch, results: BulkResult[], totals: ImportTotals): Reject[] {
    const rejects: Reject[] = [];
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const result = refused.has(i) ? undefined : results[at++]!;
      const reason = refused.get(i) ?? (result?.status === 'refused' ? reasonOf(result.error) : undefined);
      if (reason) {
        const source = rows[i]!;
        rejects.push({ row: source.row, line: source.line, record: source.record, reason });
        totals.rejected++;
      } else if (result?.status === 'duplicate') totals.duplicates++;
      else totals.recorded++;
    }
    return rejects;
  }

  /** Read from the commands, not the rows: a row's record is made again at each ask. */
  private rememberRefs({ rows, commands, refused }: RowBatch, results: BulkResult[]): void {
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      if (refused.has(i)) continue;
      const result = results[at]!;
      const command = commands[at++]!;
      // A command with a ref is an enrolment that `prepare` put in `refRows` under its own row.
      if (command.type === 'EnrolPerson' && command.ref !== undefined && result.status !== 'refused' && result.nationalId) this.recordedIds[rows[i]!.row] = result.nationalId;
    }
  }
}

const refColumns = ['mother_ref', 'father_ref', 'person_ref', 'husband_ref', 'wife_ref'];

const toLines = (rejects: Reject[]): string => rejects.map((reject) => `${JSON.stringify(reject)}\n`).join('');
