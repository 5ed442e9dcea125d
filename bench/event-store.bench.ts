import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { newEventId } from '../src/event-store/event-id';
import { NewEvent } from '../src/event-store/event-store.port';
import { openEventDatabase } from '../src/event-store/sqlite/event-database';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';

export interface EventStoreBenchOptions {
  /** How long each measurement runs. */
  durationMs?: number;
  /** Appenders awaiting their appends at the same time, like concurrent HTTP requests. */
  concurrency?: number;
  eventsPerAppend?: number;
  rawRowsPerTransaction?: number;
  /** Store and raw measurements alternate this many times; the best of each counts. */
  rounds?: number;
}

export interface Comparison {
  store: number;
  raw: number;
  /** store / raw */
  ratio: number;
}

export interface EventStoreBenchResult {
  options: Required<EventStoreBenchOptions>;
  /** Single-event appends per second against raw single-row commits per second. */
  singleAppends: Comparison;
  /** Events per second appended in batches against raw rows per second inserted in batches. */
  batchedAppends: Comparison;
}

const DEFAULTS: Required<EventStoreBenchOptions> = {
  durationMs: 3_000,
  concurrency: 64,
  eventsPerAppend: 100,
  rawRowsPerTransaction: 1_000,
  rounds: 2,
};

/**
 * The SQLite event store beside raw better-sqlite3 on the same schema and pragmas
 * (WAL, synchronous=FULL), measured in the same run, so the ratio shows what the store costs.
 */
export async function runEventStoreBench(options: EventStoreBenchOptions = {}): Promise<EventStoreBenchResult> {
  const o = { ...DEFAULTS, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'sijil-bench-'));
  let file = 0;
  const freshFile = () => join(dir, `events-${file++}.db`);
  try {
    const singleAppends = await bestOf(
      o.rounds,
      () => storeEventsPerSecond(freshFile(), o.concurrency, 1, o.durationMs),
      () => rawRowsPerSecond(freshFile(), 1, o.durationMs),
    );
    const batchedAppends = await bestOf(
      o.rounds,
      () => storeEventsPerSecond(freshFile(), o.concurrency, o.eventsPerAppend, o.durationMs),
      () => rawRowsPerSecond(freshFile(), o.rawRowsPerTransaction, o.durationMs),
    );
    return {
      options: o,
      singleAppends,
      batchedAppends,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Births, each to a new person stream, from `concurrency` appenders until time runs out. */
async function storeEventsPerSecond(
  file: string,
  concurrency: number,
  eventsPerAppend: number,
  durationMs: number,
): Promise<number> {
  const store = new SqliteEventStore(file);
  let appended = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const appender = async () => {
    while (performance.now() < deadline) {
      const events = Array.from({ length: eventsPerAppend }, birth);
      await store.appendToStream(`person-${events[0].id}`, events, { expectedRevision: 'no_stream' });
      appended += eventsPerAppend;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, appender));
  const elapsed = performance.now() - started;
  await store.close();
  return (appended * 1_000) / elapsed;
}

/** The physical limit: prepared inserts of already serialised rows, `rowsPerTransaction` per commit. */
function rawRowsPerSecond(file: string, rowsPerTransaction: number, durationMs: number, sample: NewEvent = birth()): number {
  const db = openEventDatabase(file);
  const insert = db.prepare(
    `INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?)`,
  );
  const { type, data, metadata } = sample;
  const [json, metadataJson] = [JSON.stringify(data), JSON.stringify(metadata)];
  const commit = db.transaction(() => {
    for (let i = 0; i < rowsPerTransaction; i++) {
      const id = newEventId();
      insert.run(id, `person-${id}`, type, json, metadataJson, new Date().toISOString());
    }
  });
  let inserted = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    commit();
    inserted += rowsPerTransaction;
  }
  const elapsed = performance.now() - started;
  db.close();
  return (inserted * 1_000) / elapsed;
}

const birth = (): NewEvent => ({
  id: newEventId(),
  type: 'PersonBorn',
  data: {
    nationalId: '219876543210',
    name: { given: 'محمد', father: 'علي', grandfather: 'سالم', family: 'الترهوني' },
    mother: { given: 'فاطمة', father: 'أحمد', grandfather: 'عمر', family: 'المصراتي' },
    sex: 'M',
    occurredOn: '2024-05-01',
    placeOfBirth: 'LY-BA-03',
  },
  metadata: { schemaVersion: 1, office: 'LY-BA-03-OFF1', registrar: 'registrar-17', commandId: newEventId() },
});

/** Other processes share these machines' cores and disk: alternate, and keep each side's best. */
async function bestOf(rounds: number, store: () => Promise<number>, raw: () => number): Promise<Comparison> {
  let [bestStore, bestRaw] = [0, 0];
  for (let round = 0; round < rounds; round++) {
    bestStore = Math.max(bestStore, await store());
    bestRaw = Math.max(bestRaw, raw());
  }
  return { store: bestStore, raw: bestRaw, ratio: bestStore / bestRaw };
}

export function formatEventStoreBench({ options, singleAppends, batchedAppends }: EventStoreBenchResult): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en')}/s`;
  const line = (label: string, c: Comparison, rawLabel: string) =>
    `${label.padEnd(44)} ${rate(c.store).padStart(12)}   ${rawLabel.padEnd(40)} ${rate(c.raw).padStart(12)}   ratio ${c.ratio.toFixed(2)}`;
  return [
    `event store (SQLite, WAL, synchronous=FULL), ${options.concurrency} concurrent appenders, best of ${options.rounds} rounds of ${options.durationMs} ms`,
    line('single-event appends', singleAppends, 'raw single-row commits'),
    line(`events in appends of ${options.eventsPerAppend}`, batchedAppends, `raw rows, ${options.rawRowsPerTransaction} per transaction`),
  ].join('\n');
}

if (require.main === module) {
  runEventStoreBench().then(
    (result) => console.log(formatEventStoreBench(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

/** The physical limit a single durable registration is compared against, for the HTTP benchmarks. */
export const rawSingleRowCommitsPerSecond = (file: string, durationMs: number): number =>
  rawRowsPerSecond(file, 1, durationMs);

/** Raw batched inserts of rows shaped like `sample`: the baseline for a bulk path writing such events. */
export const rawBatchedRowsPerSecond = (file: string, rowsPerTransaction: number, durationMs: number, sample: NewEvent): number =>
  rawRowsPerSecond(file, rowsPerTransaction, durationMs, sample);
