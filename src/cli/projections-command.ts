import { Command, InvalidArgumentError } from 'commander';
import { MultiBar, type SingleBar } from 'cli-progress';
import { availableParallelism } from 'os';
import { projections } from '../projections/registry';
import { createReadModelStore } from '../read-models/create-read-model-store';
import { ProjectionEngine, type RebuildProgress } from '../read-models/engine/projection-engine';
import type { RebuildStores, ThreadedRebuild } from '../read-models/engine/rebuild-threads';
import { openStore, type StoreOptions } from './open-store';

function threadCount(value: string): number {
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1) throw new InvalidArgumentError('a whole number of threads, at least 1');
  return threads;
}

/** A rebuild thread's commit may wait this long on the others' (a million persons' index builds take seconds). */
const REBUILD_BUSY_TIMEOUT_MS = 600_000;

/**
 * The log, the read models and the projections, opened by `projections run`, `rebuild` and each
 * thread of a threaded rebuild (see RebuildOpener).
 */
export async function openRebuildStores(options: StoreOptions & { busyTimeoutMs?: number }): Promise<RebuildStores> {
  const { config, store } = await openStore(options);
  const readModels = await createReadModelStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl, busyTimeoutMs: options.busyTimeoutMs });
  const close = async () => {
    await readModels.close();
    await store.close();
  };
  return { eventStore: store, readModels, projections, close };
}

/**
 * Threads rebuilding the projections, or catching up those with nothing stored (`serve`, `run`):
 * each opens its own stores (see RebuildOpener). None for a single thread: that work is done in process.
 */
export function rebuildThreads(options: StoreOptions, threads = availableParallelism()): ThreadedRebuild | undefined {
  if (threads < 2) return undefined;
  return { threads, opener: { module: __filename, opener: openRebuildStores.name, options: { ...options, busyTimeoutMs: REBUILD_BUSY_TIMEOUT_MS } } };
}

async function openEngine(options: StoreOptions) {
  const stores = await openRebuildStores(options);
  const engine = new ProjectionEngine({
    eventStore: stores.eventStore,
    readModels: stores.readModels,
    projections,
    catchUpThreads: rebuildThreads({ data: options.data }),
  });
  const close = async () => {
    await engine.stop();
    await stores.close();
  };
  return { engine, close };
}

/** One bar per projection (or per set rebuilt together): position in the log, events applied, rate and ETA. */
function progressBars() {
  const bars = new MultiBar({
    format: '{projection} [{bar}] {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}',
    etaBuffer: 20,
    fps: 5,
  });
  const shown = new Map<string, { bar: SingleBar; started: number }>();
  return {
    update(progress: RebuildProgress) {
      let line = shown.get(progress.projection);
      if (!line) {
        const bar = bars.create(Math.max(progress.head, 1), 0, { projection: progress.projection.padEnd(20), events: 0, rate: 0 });
        shown.set(progress.projection, (line = { bar, started: Date.now() }));
      }
      const seconds = Math.max((Date.now() - line.started) / 1_000, 0.001);
      line.bar.setTotal(Math.max(progress.head, 1));
      line.bar.update(progress.position, { events: progress.events, rate: Math.round(progress.events / seconds) });
    },
    stop: () => bars.stop(),
  };
}

export function projectionsCommand(): Command {
  const projectionsCmd = new Command('projections').description('run or rebuild the read-model projections');
  projectionsCmd
    .command('run')
    .description('run the projections as a worker: catch up from each checkpoint, then follow the log live')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .action(async (options: StoreOptions) => {
      const { engine, close } = await openEngine(options);
      await engine.start();
      process.stdout.write(`projections running: ${projections.map((p) => p.name).join(', ')}\n`);
      const stop = async () => {
        await close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    });
  projectionsCmd
    .command('rebuild [name]')
    .description('empty the read models of one projection (or all) and apply the whole log again; stop the workers first')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    // One thread per core: on 2 cores the registry rebuilt in 18-23 s against 22-31 s in process (quiet, 500,551 events).
    .option('--threads <n>', 'threads rebuilding at once, each reading the log for the projections dealt to it (1: in process)', threadCount, availableParallelism())
    .action(async (name: string | undefined, options: StoreOptions & { threads: number }) => {
      const { engine, close } = await openEngine(options);
      const { threads } = options;
      const threaded = name ? undefined : rebuildThreads(options, threads);
      const bars = progressBars();
      const started = Date.now();
      let events = 0;
      try {
        await engine.rebuild(
          name ? [name] : undefined,
          (progress) => {
            bars.update(progress);
            events = Math.max(events, progress.events);
          },
          threaded,
        );
        bars.stop();
        const seconds = (Date.now() - started) / 1_000;
        const how = threaded ? `, in ${Math.min(threads, projections.length)} threads` : '';
        process.stdout.write(`rebuilt ${name ?? 'all projections'} in ${seconds.toFixed(1)} s (${events} events per projection${how})\n`);
      } finally {
        bars.stop();
        await close();
      }
    });
  return projectionsCmd;
}
