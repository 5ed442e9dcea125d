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
  /** Projections rebuilt at once, each in its own thread reading the log on its own. */
  threads: number;
}

export interface RebuildThreadData {
  opener: RebuildOpener;
  projection: string;
  batchSize?: number;
}

export type RebuildThreadMessage = { progress: RebuildProgress } | { failed: string };

/**
 * Rebuilds each named projection in a thread of its own, `threads` at a time: a projection's
 * commits stay atomic with its checkpoint as in a rebuild in process, the store serialising the
 * threads' commits (SQLite: one writer at a time, the others wait on its lock). Every thread
 * reads and parses the whole log, so this pays where a core would otherwise sit idle.
 */
export async function rebuildInThreads(
  names: string[],
  { opener, threads }: ThreadedRebuild,
  batchSize: number | undefined,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<void> {
  const queue = [...names];
  const failures: Error[] = [];
  const next = async (): Promise<void> => {
    for (let projection = queue.shift(); projection !== undefined && failures.length === 0; projection = queue.shift()) {
      await rebuildInThread({ opener, projection, batchSize }, onProgress).catch((error: Error) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, names.length)) }, next));
  if (failures.length) throw failures[0];
}

function rebuildInThread(data: RebuildThreadData, onProgress?: (progress: RebuildProgress) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    const thread = startThread(join(__dirname, 'rebuild-thread'), data);
    thread.on('message', (message: RebuildThreadMessage) => {
      if ('progress' in message) onProgress?.(message.progress);
      else failed = new Error(`rebuilding ${data.projection} failed: ${message.failed}`);
    });
    thread.on('error', (error) => (failed ??= error));
    thread.on('exit', (code) => {
      if (failed) reject(failed);
      else if (code !== 0) reject(new Error(`the thread rebuilding ${data.projection} stopped with code ${code}`));
      else resolve();
    });
  });
}
