import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionEngine } from './projection-engine';
import type { RebuildStores, RebuildThreadData, RebuildThreadMessage } from './rebuild-threads';

/** A thread of `rebuildInThreads`: opens its own stores, rebuilds its projections, reports progress. */
async function rebuild({ opener, projections: names, batchSize }: RebuildThreadData): Promise<void> {
  const open = require(opener.module)[opener.opener] as (options: unknown) => Promise<RebuildStores>;
  const { eventStore, readModels, projections, close } = await open(opener.options);
  try {
    // Only this thread's projections: it then opens only their files, which no other thread writes.
    const dealt = projections.filter((projection) => names.includes(projection.name));
    const engine = new ProjectionEngine({ eventStore, readModels, projections: dealt, rebuildBatchSize: batchSize });
    await engine.rebuild(names, (progress) => post({ progress }));
  } finally {
    await close();
  }
}

const post = (message: RebuildThreadMessage) => parentPort!.postMessage(message);

rebuild(workerData as RebuildThreadData).catch((error: unknown) => {
  post({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
});
