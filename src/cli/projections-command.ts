import { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { projections } from '../projections';
import { createReadModelStore } from '../read-models/create-read-model-store';
import { ProjectionEngine, type RebuildProgress } from '../read-models/engine/projection-engine';
import { openStore, type StoreOptions } from './open-store';

async function openEngine(options: StoreOptions) {
  const { config, store } = await openStore(options);
  const readModels = await createReadModelStore({ dataDir: config.dataDir, mongodbUrl: config.mongodbUrl });
  const engine = new ProjectionEngine({ eventStore: store, readModels, projections });
  const close = async () => {
    await engine.stop();
    await readModels.close();
    await store.close();
  };
  return { engine, close };
}

/** One bar per projection: position in the log, events applied, rate and ETA. */
function progressBar() {
  let bar: SingleBar | undefined;
  let started = 0;
  return {
    update(progress: RebuildProgress) {
      if (progress.position === 0 && progress.events === 0) {
        bar?.stop();
        started = Date.now();
        bar = new SingleBar({
          format: `${progress.projection.padEnd(20)} [{bar}] {percentage}% | {events} events | {rate} events/s | ETA {eta_formatted}`,
          etaBuffer: 20,
          fps: 5,
        });
        bar.start(Math.max(progress.head, 1), 0, { events: 0, rate: 0 });
        return;
      }
      const seconds = Math.max((Date.now() - started) / 1_000, 0.001);
      bar?.setTotal(Math.max(progress.head, 1));
      bar?.update(progress.position, { events: progress.events, rate: Math.round(progress.events / seconds) });
    },
    stop: () => bar?.stop(),
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
    .action(async (name: string | undefined, options: StoreOptions) => {
      const { engine, close } = await openEngine(options);
      const bar = progressBar();
      const started = Date.now();
      let events = 0;
      try {
        await engine.rebuild(name ? [name] : undefined, (progress) => {
          bar.update(progress);
          events = progress.events;
        });
        bar.stop();
        const seconds = (Date.now() - started) / 1_000;
        process.stdout.write(`rebuilt ${name ?? 'all projections'} in ${seconds.toFixed(1)} s (${events} events per projection)\n`);
      } finally {
        bar.stop();
        await close();
      }
    });
  return projectionsCmd;
}
