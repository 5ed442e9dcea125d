import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { projections as registered } from '../src/projections/registry';
import { ProjectionEngine, REBUILD_BATCH_SIZE } from '../src/read-models/engine/projection-engine';
import type { Projection } from '../src/read-models/projection';
import type { RebuildStores } from '../src/read-models/engine/rebuild-threads';
import { SqliteReadModelStore } from '../src/read-models/sqlite/sqlite-read-model-store';
import { generatePersonLog } from './person-log';

export interface RebuildBenchOptions {
  /** Events in the generated log (default 300,000). */
  events?: number;
  /** Events per page and commit (default: the engine's rebuild default, REBUILD_BATCH_SIZE). */
  batchSize?: number;
  /**
   * A log file to rebuild from: generated there when missing, reused as is when present, so A/B
   * runs of two builds rebuild the same log without generating it each time.
   */
  log?: string;
  /** Only the rebuilds whose name (a projection's, `registry` or `threads`) is listed; default all. */
  only?: string[];
  /**
   * Rebuild from a copy of the log ordered by stream revision: each person's events spread across
   * the whole log, as in a country recorded over years, where the generated log keeps a person's
   * life together (so a rebuild reads back and rewrites each person's documents page after page).
   */
  spread?: boolean;
}

export interface RebuildFigure {
  projections: string;
  eventsPerSecond: number;
  /** eventsPerSecond / raw ordered read */
  ratio: number;
}

export interface RebuildBenchResult {
  events: number;
  /** Persons whose streams hold those events. */
  persons: number;
  batchSize: number;
  /**
   * Rows per second of a raw better-sqlite3 ordered read of the same log, without and with
   * JSON.parse: the mean of a read before the rebuilds and one after, so load that changes during
   * the run falls on the baseline too.
   */
  rawRead: number;
  rawReadParsed: number;
  rebuilds: RebuildFigure[];
}

/**
 * Rebuild rate on the embedded stores (SQLite log, SQLite read models) beside a raw better-sqlite3
 * ordered read of the same log, in the same run: each registered projection alone (log-stats alone
 * is the engine's own cost), the whole registry in process (`rebuild --threads 1`, one read of the
 * log), and on more than one core the whole registry in as many threads as cores (what
 * `sijil projections rebuild` does there).
 */
export async function runRebuildBench(options: RebuildBenchOptions = {}): Promise<RebuildBenchResult> {
  const events = options.events ?? 300_000;
  const batchSize = options.batchSize ?? REBUILD_BATCH_SIZE;
  const dir = mkdtempSync(join(tmpdir(), 'sijil-rebuild-bench-'));
  try {
    const generatedLog = options.log ?? join(dir, 'events.sqlite');
    if (!existsSync(generatedLog)) {
      const generating = new SqliteEventStore(generatedLog);
      await generatePersonLog(generating, { events });
      await generating.close();
    }
    const log = options.spread ? await spreadCopy(generatedLog, join(dir, 'spread-events.sqlite')) : generatedLog;
    const eventStore = new SqliteEventStore(log);
    const { events: logged, persons } = logCounts(log);
    const before = [rawOrderedRead(log, false), rawOrderedRead(log, true)];
    const rebuilds: RebuildFigure[] = [];
    const sets: Array<[string, Projection[]]> = [
      ...registered.map((projection): [string, Projection[]] => [projection.name, [projection]]),
      [`registry (${registered.map((p) => p.name).join(', ')})`, registered],
    ];
    const threads = availableParallelism();
    if (threads > 1) sets.push([`threads (registry in ${threads} threads)`, registered]);
    const chosen = sets.filter(([name]) => !options.only || options.only.includes(name.split(' ')[0]));
    for (const [name, projections] of chosen) {
      const readModelsFile = join(dir, `read-models-${rebuilds.length}`);
      const readModels = new SqliteReadModelStore(readModelsFile);
      const threaded = name.startsWith('threads')
        ? { threads, opener: { module: __filename, opener: openBenchStores.name, options: { log, readModels: readModelsFile } } }
        : undefined;
      const started = performance.now();
      await new ProjectionEngine({ eventStore, readModels, projections, rebuildBatchSize: batchSize }).rebuild(undefined, undefined, threaded);
      const eventsPerSecond = (logged * 1_000) / (performance.now() - started);
      rebuilds.push({ projections: name, eventsPerSecond, ratio: 0 });
      await readModels.close();
    }
    await eventStore.close();
    const [rawRead, rawReadParsed] = [(before[0] + rawOrderedRead(log, false)) / 2, (before[1] + rawOrderedRead(log, true)) / 2];
    for (const rebuild of rebuilds) rebuild.ratio = rebuild.eventsPerSecond / rawRead;
    return { events: logged, persons, batchSize, rawRead, rawReadParsed, rebuilds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What each thread of the threaded rebuild opens: the bench's log and read-model files. */
export async function openBenchStores(files: { log: string; readModels: string }): Promise<RebuildStores> {
  const eventStore = new SqliteEventStore(files.log);
  const readModels = new SqliteReadModelStore(files.readModels, 600_000);
  const close = async () => {
    await readModels.close();
    await eventStore.close();
  };
  return { eventStore, readModels, projections: registered, close };
}

/** `log`'s events copied to `copy` in the order of their stream revisions (`spread`); the copy's path. */
async function spreadCopy(log: string, copy: string): Promise<string> {
  // The store makes the log's schema.
  await new SqliteEventStore(copy).close();
  const db = new Database(copy);
  db.prepare('ATTACH ? AS generated').run(log);
  db.exec(`INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at)
           SELECT id, stream_id, revision, type, data, metadata, recorded_at FROM generated.events ORDER BY revision, position`);
  db.close();
  return copy;
}

function logCounts(file: string): { events: number; persons: number } {
  const db = new Database(file, { readonly: true });
  const counts = db
    .prepare(`SELECT count(*) AS events, count(DISTINCT stream_id) FILTER (WHERE stream_id GLOB 'person-*') AS persons FROM events WHERE stream_id NOT GLOB '$*'`)
    .get() as { events: number; persons: number };
  db.close();
  return counts;
}

/** The physical limit: every row of the log in position order, as the store's readAll selects them. */
function rawOrderedRead(file: string, parse: boolean): number {
  const db = new Database(file, { readonly: true });
  const select = db.prepare(`SELECT * FROM events WHERE stream_id NOT GLOB '$*' ORDER BY position`);
  const started = performance.now();
  let rows = 0;
  for (const row of select.iterate() as Iterable<{ data: string; metadata: string }>) {
    if (parse) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
    }
    rows++;
  }
  const elapsed = performance.now() - started;
  db.close();
  return (rows * 1_000) / elapsed;
}

export function formatRebuildBench(result: RebuildBenchResult): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en')} events/s`;
  return [
    `${result.events.toLocaleString('en')} events of ${result.persons.toLocaleString('en')} persons, ${result.batchSize.toLocaleString('en')} per commit; goal ≥ 50,000 events/s rebuilt`,
    `raw better-sqlite3 ordered read:               ${rate(result.rawRead)}`,
    `raw ordered read with JSON.parse of each row:  ${rate(result.rawReadParsed)}`,
    ...result.rebuilds.map((r) => `rebuild ${`${r.projections}:`.padEnd(14)} ${rate(r.eventsPerSecond).padStart(17)}   ratio to raw read ${r.ratio.toFixed(2)}`),
  ].join('\n');
}

/**
 * `[EVENTS] [PAGE]`; SIJIL_BENCH_REBUILD_LOG=file keeps the log, SIJIL_BENCH_REBUILD_ONLY=persons,registry
 * picks rebuilds, SIJIL_BENCH_REBUILD_SPREAD=1 rebuilds from the log spread by stream revision.
 */
if (require.main === module) {
  const events = Number(process.argv[2] ?? 300_000);
  const batchSize = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const log = process.env.SIJIL_BENCH_REBUILD_LOG || undefined;
  const only = process.env.SIJIL_BENCH_REBUILD_ONLY?.split(',');
  const spread = process.env.SIJIL_BENCH_REBUILD_SPREAD === '1';
  runRebuildBench({ events, batchSize, log, only, spread }).then(
    (result) => console.log(formatRebuildBench(result)),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
