import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { EventStore } from '../../src/event-store/event-store.port';
import { ProjectionEngine } from '../../src/read-models/engine/projection-engine';
import type { Projection } from '../../src/read-models/projection';
import type { Document, ReadModelStore } from '../../src/read-models/read-model.port';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';

export interface RebuildEqualsLiveOptions {
  eventStore: EventStore;
  projections: Projection[];
  /** Records the commands (through HTTP or handlers) while the projections run live. */
  record: () => Promise<void>;
  /**
   * Where projections already run live (an app built by createApp): its store and how to wait for
   * it. Without it, the helper runs them live itself on a temporary SQLite store.
   */
  live?: { store: ReadModelStore; waitForHead: () => Promise<void> };
  /** The store to rebuild into; a temporary SQLite store by default. */
  freshStore?: () => Promise<ReadModelStore>;
}

/** Every document of every collection of the projections, in ID order. */
export async function dumpCollections(store: ReadModelStore, projections: Projection[]): Promise<Record<string, Document[]>> {
  const dump: Record<string, Document[]> = {};
  for (const { name } of projections.flatMap((projection) => projection.collections)) dump[name] = await store.find(name);
  return dump;
}

/**
 * Rebuild equals live: runs the projections live while `record` records commands, then rebuilds
 * them from position zero into a fresh store and expects every collection to be equal.
 */
export async function expectRebuildEqualsLive(options: RebuildEqualsLiveOptions): Promise<Record<string, Document[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'sijil-rebuild-'));
  let own: { engine: ProjectionEngine; store: ReadModelStore } | undefined;
  try {
    let live = options.live;
    if (!live) {
      const store = new SqliteReadModelStore(join(dir, 'live'));
      const engine = new ProjectionEngine({ eventStore: options.eventStore, readModels: store, projections: options.projections });
      await engine.start();
      own = { engine, store };
      live = { store, waitForHead: () => engine.waitForHead({ timeoutMs: 60_000 }) };
    }
    await options.record();
    await live.waitForHead();
    await own?.engine.stop();
    const liveModels = await dumpCollections(live.store, options.projections);

    const fresh = options.freshStore ? await options.freshStore() : new SqliteReadModelStore(join(dir, 'rebuilt'));
    try {
      await new ProjectionEngine({ eventStore: options.eventStore, readModels: fresh, projections: options.projections }).rebuild();
      expect(await dumpCollections(fresh, options.projections)).toEqual(liveModels);
    } finally {
      await fresh.close();
    }
    return liveModels;
  } finally {
    await own?.engine.stop();
    await own?.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
