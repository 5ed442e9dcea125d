import { join } from 'path';
import { generatePersonLog } from '../../bench/person-log';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionEngine, type RebuildProgress } from '../../src/read-models/engine/projection-engine';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { dumpCollections } from '../support/rebuild-equals-live';
import { rebuiltProjections } from './fixtures/rebuild-stores';

jest.setTimeout(120_000);

/**
 * A rebuild in threads, each rebuilding the projections dealt to it and committing into their
 * files of one read-model folder (700 events per commit, so the threads' commits interleave),
 * leaves exactly the documents and checkpoints of a rebuild in process.
 */
describe('rebuild in threads', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let eventStore: SqliteEventStore;
  const log = () => join(dir.path, 'events.sqlite');
  const opener = (readModels: string) => ({
    module: join(__dirname, 'fixtures', 'rebuild-stores.ts'),
    opener: 'openTestStores',
    options: { log: log(), readModels },
  });

  beforeEach(() => {
    dir = makeTempDir();
    eventStore = new SqliteEventStore(log());
  });
  afterEach(async () => {
    await eventStore.close();
    dir.remove();
  });

  it('leaves the same documents and checkpoints as a rebuild in process, each thread reporting its progress', async () => {
    await generatePersonLog(eventStore, { events: 6_000, personsPerAppend: 25 });
    const projections = rebuiltProjections().filter((projection) => projection.name !== 'failing');
    const names = projections.map((projection) => projection.name);
    const rebuilt = async (folder: string, threads?: number, onProgress?: (progress: RebuildProgress) => void) => {
      const readModels = new SqliteReadModelStore(join(dir.path, folder));
      try {
        const engine = new ProjectionEngine({ eventStore, readModels, projections, rebuildBatchSize: 700 });
        const threaded = threads ? { threads, opener: opener(join(dir.path, folder)) } : undefined;
        await engine.rebuild(names, onProgress, threaded);
        const checkpoints = await Promise.all(names.map((name) => readModels.checkpoint(name)));
        return { documents: await dumpCollections(readModels, projections), checkpoints };
      } finally {
        await readModels.close();
      }
    };

    const inProcess = await rebuilt('in-process');
    const progress: RebuildProgress[] = [];
    const threaded = await rebuilt('threaded', 3, (p) => progress.push(p));

    expect(threaded).toEqual(inProcess);
    const logged = await eventStore.readAll();
    const head = logged.slice(-1)[0].position;
    expect(inProcess.documents['event-tally']).toHaveLength(logged.length);
    expect(inProcess.documents['person-log'].length).toBeGreaterThan(1_000);
    expect(inProcess.checkpoints).toEqual(names.map(() => head));
    const threads = [...new Set(progress.map((p) => p.projection))];
    expect(threads.flatMap((thread) => thread.split(', ')).sort()).toEqual([...names].sort());
    expect(threads).toHaveLength(3);
    // A thread whose projections all declare the types they read reads only those from the log.
    const readBy = (thread: string) => {
      const dealt = projections.filter((projection) => thread.split(', ').includes(projection.name));
      if (dealt.some((projection) => !projection.eventTypes)) return logged;
      return logged.filter((event) => dealt.some((projection) => projection.eventTypes!.includes(event.type)));
    };
    for (const thread of threads) {
      const own = progress.filter((p) => p.projection === thread);
      expect(own[0]).toMatchObject({ position: 0, events: 0 });
      expect(own.slice(-1)[0]).toMatchObject({ position: head, events: readBy(thread).length });
    }
    expect(threads.map((thread) => readBy(thread).length).sort((a, b) => a - b)[0]).toBeLessThan(logged.length);
  });

  it('fails when a thread fails, naming the projection', async () => {
    await generatePersonLog(eventStore, { events: 500 });
    const folder = join(dir.path, 'read-models');
    const readModels = new SqliteReadModelStore(folder);
    try {
      const engine = new ProjectionEngine({ eventStore, readModels, projections: rebuiltProjections() });
      await expect(engine.rebuild(['log-stats', 'failing'], undefined, { threads: 2, opener: opener(folder) })).rejects.toThrow(
        /rebuilding failing failed: .*this projection cannot apply anything/,
      );
    } finally {
      await readModels.close();
    }
  });

  it('catches up projections with nothing stored in threads: stopped midway, then resumed, equal to a rebuild, then live', async () => {
    await generatePersonLog(eventStore, { events: 6_000, personsPerAppend: 25 });
    const projections = rebuiltProjections().filter((projection) => projection.name !== 'failing');
    const folder = join(dir.path, 'read-models');
    const readModels = new SqliteReadModelStore(folder);
    const rebuilt = new SqliteReadModelStore(join(dir.path, 'rebuilt'));
    const started = () =>
      new ProjectionEngine({ eventStore, readModels, projections, rebuildBatchSize: 300, catchUpThreads: { threads: 2, opener: opener(folder) } });
    try {
      const first = started();
      await first.start();
      while (((await readModels.checkpoint('event-tally')) ?? 0) === 0) await new Promise((r) => setTimeout(r, 5));
      await first.stop();
      expect(first.states().map((state) => state.status)).toEqual(projections.map(() => 'stopped'));

      const second = started();
      await second.start();
      try {
        await second.waitForHead({ timeoutMs: 60_000 });
        while (second.states().some((state) => state.status !== 'live')) await new Promise((r) => setTimeout(r, 5));
        // Live in this process after the threads: what it remembers must not be what they committed.
        await generatePersonLog(eventStore, { events: 500, seed: 3 });
        await second.waitForHead({ timeoutMs: 60_000 });
      } finally {
        await second.stop();
      }

      await new ProjectionEngine({ eventStore, readModels: rebuilt, projections }).rebuild();
      expect(await dumpCollections(readModels, projections)).toEqual(await dumpCollections(rebuilt, projections));
      expect(await readModels.count('event-tally')).toBe((await eventStore.readAll()).length);
      expect(await readModels.count('event-tally', { applied: { gt: 1 } })).toBe(0);
    } finally {
      await Promise.all([readModels.close(), rebuilt.close()]);
    }
  });
});
