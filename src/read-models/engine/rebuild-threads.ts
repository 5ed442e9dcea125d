import { join } from 'node:path';
import type { EventStore } from '../../event-store/event-store.port';
import { startThread } from '../../event-store/sqlite/start-writer-thread';
import type { Projection } from '../projection';
import type { ReadModelStore } from '../read-model.port';
import type { RebuildProgress } from './rebuild-progress';

/**
 * How a thread opens its own connections to the log and the read models: `module` exports
 * `opener`, a function of `options` (plain data, copied to the thread) resolving to the stores and
 * the projections (see RebuildStores). A thread cannot share the caller's connections.
 */
export interface RebuildOpener {
  module: string;
  opener: string;
  options: unknown;
}

/** What each rebuild thread runs: the log and read models it opened, the projection among these. */
export interface RebuildStores {
  eventStore: EventStore;
  readModels: ReadModelStore;
  projections: Projection[];
  close(): Promise<void>;
}

export interface ThreadedRebuild {
  opener: RebuildOpener;
  /** Threads rebuilding at once, each reading the log once for the projections it was dealt. */
  threads: number;
}

export interface RebuildThreadData {
  opener: RebuildOpener;
  projections: string[];
  batchSize?: number;
}

export type RebuildThreadMessage = { progress: RebuildProgress } | { failed: string };

/**
 * Rebuilds the named projections in `threads` threads, each opening its own connections and
 * rebuilding the projections dealt to it as a rebuild in process does (one read of the log for
 * them all, each committing atomically with its own checkpoint); the store serialises the threads'
 * commits (SQLite: one writer at a time, the others wait on its lock). The projections are dealt
 * back and forth in the order given (1, 2, 2, 1, …): given heaviest first, as the registry lists
 * them, the threads carry about the same work. Each thread reads and parses the whole log: this
 * pays where a core would otherwise sit idle.
 */
export async function rebuildInThreads(
  names: string[],
  { opener, threads }: ThreadedRebuild,
  batchSize: number | undefined,
  onProgress?: (progress: RebuildProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  const results = await Promise.allSettled(
    dealt(names, threads).map((projections) => rebuildInThread({ opener, projections, batchSize }, onProgress, signal)),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

function dealt(names: string[], threads: number): string[][] {
  const groups: string[][] = Array.from({ length: Math.max(1, Math.min(threads, names.length)) }, () => []);
  names.forEach((name, i) => {
    const round = Math.floor(i / groups.length);
    const seat = i % groups.length;
    groups[round % 2 === 0 ? seat : groups.length - 1 - seat].push(name);
  });
  return groups;
}

/**
 * Aborted, the thread is terminated where it is: as after a crash, its transaction in flight rolls
 * back, what it committed stays with its checkpoints, and the next `define` builds the indexes its
 * bulk load had dropped.
 */
function rebuildInThread(data: RebuildThreadData, onProgress?: (progress: RebuildProgress) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    const projections = data.projections.join(', ');
    const thread = startThread(join(__dirname, 'rebuild-thread'), data);
    const terminate = () => void thread.terminate();
    signal?.addEventListener('abort', terminate, { once: true });
    thread.once('exit', () => signal?.removeEventListener('abort', terminate));
    thread.on('message', (message: RebuildThreadMessage) => {
      if ('progress' in message) onProgress?.(message.progress);
      else failed = new Error(`rebuilding ${projections} failed: ${message.failed}`);
    });
    thread.on('error', (error) => (failed ??= error));
    thread.on('exit', (code) => {
      if (failed) reject(failed);
      else if (code !== 0) reject(new Error(`the thread rebuilding ${projections} stopped with code ${code}`));
      else resolve();
    });
  });
}
