import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BulkRecorder } from '../src/bulk/bulk-recorder';
import type { BulkCommand } from '../src/bulk/bulk-commands';
import { defaultPolicy } from '../src/domain/policy/jurisdiction-policy';
import type { NewEvent } from '../src/event-store/event-store.port';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../src/gazetteer/gazetteer';
import { LegacyImport } from '../src/import/legacy-import';
import { type Comparison, rawBatchedRowsPerSecond } from './event-store.bench';
import { enrolmentRow, familyRegister, toCsv } from './legacy-register';

export interface ImportBenchOptions {
  /** Families in the register file: 4 enrolments, a marriage and now and then a death each. */
  families?: number;
  /** Enrolments recorded straight through the bulk recorder. */
  enrolments?: number;
  batchSize?: number;
  rawRowsPerTransaction?: number;
  rawDurationMs?: number;
  /** Each measurement runs this many times, alternating with raw; the best of each counts. */
  rounds?: number;
}

export interface ImportBenchResult {
  options: Required<ImportBenchOptions>;
  machine: string;
  /** `sijil import` of a CSV family register, file to log: person events per second against raw rows per second. */
  fileImport: Comparison & { rows: number; events: number; seconds: number };
  /** The bulk recorder alone on prebuilt enrolment commands: events per second against raw. */
  bulkRecorder: Comparison & { events: number; seconds: number };
  /** Bytes of the raw baseline's row data + metadata (a PersonEnrolled as the import writes it). */
  rawRowBytes: number;
}

const DEFAULTS: Required<ImportBenchOptions> = {
  families: 6_000,
  enrolments: 40_000,
  batchSize: 2_000,
  rawRowsPerTransaction: 1_000,
  rawDurationMs: 3_000,
  rounds: 2,
};

const agency = { registrar: 'legacy-import', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };
const gazetteer = Gazetteer.load();

/**
 * Bulk import beside raw better-sqlite3 batched inserts of rows of the same size (a
 * PersonEnrolled's data and metadata as the import writes them), same schema, same pragmas
 * (WAL, synchronous=FULL), measured in the same run.
 */
export async function runImportBench(options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const o = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'sijil-import-bench-'));
  let n = 0;
  const fresh = () => join(dir, `events-${n++}.sqlite`);
  try {
    const file = join(dir, 'register.csv');
    const rows = familyRegister(o.families);
    writeFileSync(file, toCsv(rows));
    let sample: NewEvent | undefined;
    let best = { fileImport: { rate: 0, events: 0, seconds: 0 }, bulk: { rate: 0, events: 0, seconds: 0 }, raw: 0 };
    for (let round = 0; round < o.rounds; round++) {
      const imported = await importRate(fresh(), file, o.batchSize);
      sample ??= imported.sample;
      const bulk = await bulkRate(fresh(), o.enrolments, o.batchSize);
      const raw = rawBatchedRowsPerSecond(fresh(), o.rawRowsPerTransaction, o.rawDurationMs, sample);
      best = {
        fileImport: imported.rate > best.fileImport.rate ? imported : best.fileImport,
        bulk: bulk.rate > best.bulk.rate ? bulk : best.bulk,
        raw: Math.max(best.raw, raw),
      };
    }
    const compare = (rate: number): Comparison => ({ store: rate, raw: best.raw, ratio: rate / best.raw });
    return {
      options: o,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
      fileImport: { ...compare(best.fileImport.rate), rows: rows.length, events: best.fileImport.events, seconds: best.fileImport.seconds },
      bulkRecorder: { ...compare(best.bulk.rate), events: best.bulk.events, seconds: best.bulk.seconds },
      rawRowBytes: JSON.stringify(sample!.data).length + JSON.stringify(sample!.metadata).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importRate(path: string, file: string, batchSize: number) {
  const store = new SqliteEventStore(path);
  const started = performance.now();
  await new LegacyImport(store, new BulkRecorder(store, gazetteer, defaultPolicy)).run({ file, agency, batchSize });
  const seconds = (performance.now() - started) / 1000;
  const events = (await store.readAll()).filter((e) => e.streamId.startsWith('person-'));
  await store.close();
  const enrolled = events.find((e) => e.type === 'PersonEnrolled')!;
  const sample: NewEvent = { id: enrolled.id, type: enrolled.type, data: enrolled.data, metadata: enrolled.metadata };
  return { rate: events.length / seconds, events: events.length, seconds, sample };
}

async function bulkRate(path: string, count: number, batchSize: number) {
  const store = new SqliteEventStore(path);
  const recorder = new BulkRecorder(store, gazetteer, defaultPolicy);
  const commands: BulkCommand[] = Array.from({ length: count }, (_, i) => {
    const row = enrolmentRow(i);
    return {
      type: 'EnrolPerson',
      key: `bench-${i}`,
      data: {
        name: { given: row.given!, father: row.father!, grandfather: row.grandfather!, family: row.family!, latin: row.latin! },
        sex: row.sex as 'F' | 'M',
        dateOfBirth: row.date_of_birth!,
        placeOfBirth: row.place_of_birth!,
        nationality: 'LY',
        residency: 'citizen',
        motherName: { given: row.mother_given!, family: row.mother_family! },
        source: { kind: 'legacy-register', reference: row.source_ref! },
      },
    };
  });
  const started = performance.now();
  let events = 0;
  // As the synthetic country's loader does: the next batch is decided while the one before commits.
  let previous: Promise<void> = Promise.resolve();
  for (let at = 0; at < commands.length; at += batchSize) {
    const recorded = recorder.record(commands.slice(at, at + batchSize), { agency }).then((results) => {
      for (const result of results) if (result.status === 'recorded') events += result.facts.length;
    });
    recorded.catch(() => undefined);
    await previous;
    previous = recorded;
  }
  await previous;
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return { rate: events / seconds, events, seconds };
}

export function formatImportBench(r: ImportBenchResult): string {
  const rate = (x: number) => `${Math.round(x).toLocaleString('en')}/s`;
  const line = (label: string, c: Comparison) =>
    `${label.padEnd(52)} ${rate(c.store).padStart(10)}   raw rows, ${r.options.rawRowsPerTransaction} per transaction ${rate(c.raw).padStart(10)}   ratio ${c.ratio.toFixed(2)}`;
  return [
    `bulk import (SQLite, WAL, synchronous=FULL), batches of ${r.options.batchSize} rows, raw rows of ${r.rawRowBytes} bytes, best of ${r.options.rounds} rounds, ${r.machine}`,
    line(`sijil import, CSV file to log (${r.fileImport.rows.toLocaleString('en')} rows → ${r.fileImport.events.toLocaleString('en')} events)`, r.fileImport),
    line(`bulk recorder, ${r.bulkRecorder.events.toLocaleString('en')} enrolments`, r.bulkRecorder),
  ].join('\n');
}

if (require.main === module) {
  runImportBench().then(
    (result) => console.log(formatImportBench(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
