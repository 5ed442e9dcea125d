import { join } from 'path';
import { generatePersonLog } from '../../bench/person-log';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionEngine } from '../../src/read-models/engine/projection-engine';
import { VERSIONS } from '../../src/read-models/engine/projection-versions';
import type { Projection } from '../../src/read-models/projection';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { runUntilKilled } from './fixtures/kill-child';
import { dumpCollections } from '../support/rebuild-equals-live';
import { versionedProjections } from './fixtures/versioned-projections';
import { raised, versionedTally } from './versioned-tally.projection';

jest.setTimeout(120_000);

const CHILD = join(__dirname, 'fixtures', 'start-until-killed.js');

/**
 * A projection declares the version of what it stores: started over a model another version
 * built, the engine resets that model and rebuilds it from position zero, recording the new
 * version with the checkpoint; at the same version it resumes from its checkpoint.
 */
describe('projection versions', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let eventStore: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  let log: jest.SpyInstance;

  beforeAll(async () => {
    dir = makeTempDir();
    eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'), { pollIntervalMs: 10 });
    await generatePersonLog(eventStore, { events: 3_000 });
  });
  afterAll(async () => {
    await eventStore.close();
    dir.remove();
  });
  beforeEach(() => {
    readModels = new SqliteReadModelStore(join(dir.path, `read-models-${Math.random()}`));
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    log.mockRestore();
    await readModels.close();
  });

  /**
   * Starts the projections, waits until they follow the log live, and stops them. Not until the
   * head is applied: a stale model's checkpoint may be at the head before it is reset.
   */
  async function runToHead(projections: Projection[]): Promise<void> {
    const engine = new ProjectionEngine({ eventStore, readModels, projections, batchSize: 700 });
    await engine.start();
    try {
      await untilLive(engine);
    } finally {
      await engine.stop();
    }
  }

  async function freshRebuild(projections: Projection[]) {
    const fresh = new SqliteReadModelStore(join(dir.path, `fresh-${Math.random()}`));
    try {
      await new ProjectionEngine({ eventStore, readModels: fresh, projections }).rebuild();
      return await dumpCollections(fresh, projections);
    } finally {
      await fresh.close();
    }
  }

  const storedVersions = () => readModels.find(VERSIONS.name);

  it('rebuilds a model built at version 1 when the projection is at version 2, as a bulk load', async () => {
    await runToHead([versionedTally(1)]);
    // Caught up from nothing as a rebuild is, the model records the version it was built by.
    expect(await storedVersions()).toEqual([{ id: 'versioned-tally', version: 1 }]);
    const reset = jest.spyOn(readModels, 'reset');
    const bulkLoad = jest.spyOn(readModels, 'bulkLoad');

    await runToHead([versionedTally(2)]);

    expect(reset).toHaveBeenCalledWith('versioned-tally', ['versioned-tally']);
    expect(bulkLoad).toHaveBeenCalledWith(['versioned-tally'], expect.any(Function));
    expect(log).toHaveBeenCalledWith('projection versioned-tally rebuilding: version 1 → 2');
    expect(await dumpCollections(readModels, [versionedTally(2)])).toEqual(await freshRebuild([versionedTally(2)]));
    expect(await readModels.count('versioned-tally', { applied: { gt: 1 } })).toBe(0);
    expect(await storedVersions()).toEqual([{ id: 'versioned-tally', version: 2 }]);
  });

  it('resumes from its checkpoint at the same version', async () => {
    await runToHead([versionedTally(2)]);
    expect(await storedVersions()).toEqual([{ id: 'versioned-tally', version: 2 }]);
    const reset = jest.spyOn(readModels, 'reset');
    const applied = jest.fn();
    const counted: Projection = { ...versionedTally(2), apply: async (...args) => applied(...args) };

    await runToHead([counted]);

    expect(reset).not.toHaveBeenCalled();
    expect(applied).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('counts a model stored before versions existed as version 1', async () => {
    await new ProjectionEngine({ eventStore, readModels, projections: [versionedTally()] }).rebuild();
    expect(await storedVersions()).toEqual([{ id: 'versioned-tally', version: 1 }]);
    // What a store made before versions holds: the model and its checkpoint, no version.
    const checkpoint = (await readModels.checkpoint('versioned-tally'))!;
    await readModels.commit('versioned-tally', checkpoint, [{ kind: 'delete', collection: VERSIONS.name, id: 'versioned-tally' }]);
    const reset = jest.spyOn(readModels, 'reset');

    await runToHead([versionedTally(1)]);
    expect(reset).not.toHaveBeenCalled();

    await runToHead([versionedTally(2)]);
    expect(reset).toHaveBeenCalledTimes(1);
    expect(await dumpCollections(readModels, [versionedTally(2)])).toEqual(await freshRebuild([versionedTally(2)]));
  });

  it('records the version a rebuild builds by', async () => {
    await runToHead([versionedTally(1)]);
    await new ProjectionEngine({ eventStore, readModels, projections: [versionedTally(3)] }).rebuild();
    expect(await storedVersions()).toEqual([{ id: 'versioned-tally', version: 3 }]);
    const reset = jest.spyOn(readModels, 'reset');

    await runToHead([versionedTally(3)]);
    expect(reset).not.toHaveBeenCalled();
  });

  it('refuses a version that is not a positive integer', () => {
    for (const version of [0, -1, 1.5]) {
      expect(() => new ProjectionEngine({ eventStore, readModels, projections: [versionedTally(version)] })).toThrow('not a positive integer');
    }
  });

  it('reports the projection as rebuilding until the rebuild has caught up', async () => {
    await runToHead([versionedTally(1)]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const applying = new Promise<void>((resolve) => (entered = resolve));
    const tally = versionedTally(2);
    const slow: Projection = { ...tally, apply: async (events, unitOfWork) => (entered(), await held, tally.apply(events, unitOfWork)) };
    const engine = new ProjectionEngine({ eventStore, readModels, projections: [slow] });

    await engine.start();
    try {
      await applying;
      expect(engine.states()).toMatchObject([{ name: 'versioned-tally', version: 2, status: 'rebuilding' }]);
      release();
      await untilLive(engine);
      expect(await readModels.count('versioned-tally')).toBeGreaterThan(0);
    } finally {
      release();
      await engine.stop();
    }
  });
});

/**
 * A worker rebuilding stale models after a version change is killed with SIGKILL mid-batch.
 * Restarted, it ends with the models a fresh rebuild makes, with no event applied twice.
 */
describe('a version rebuild killed midway', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  it('ends equal to a fresh rebuild once restarted', async () => {
    const eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'));
    await generatePersonLog(eventStore, { events: 20_000 });
    const readModels = new SqliteReadModelStore(join(dir.path, 'read-models'));
    await new ProjectionEngine({ eventStore, readModels, projections: versionedProjections() }).rebuild();
    await readModels.close();

    const output = await runUntilKilled(CHILD, dir.path, 3);
    expect(output).toContain('versioned-tally');

    const resumed = new SqliteReadModelStore(join(dir.path, 'read-models'));
    const projections = raised(versionedProjections());
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const worker = new ProjectionEngine({ eventStore, readModels: resumed, projections });
    await worker.start();
    await untilLive(worker);
    await worker.stop();
    log.mockRestore();

    const fresh = new SqliteReadModelStore(join(dir.path, 'fresh'));
    await new ProjectionEngine({ eventStore, readModels: fresh, projections }).rebuild();
    expect(await dumpCollections(resumed, projections)).toEqual(await dumpCollections(fresh, projections));
    expect(await resumed.find(VERSIONS.name)).toEqual(await fresh.find(VERSIONS.name));
    expect(await resumed.count('versioned-tally', { applied: { gt: 1 } })).toBe(0);
    expect((await resumed.find<{ id: string; builtBy: number }>('versioned-tally')).filter(({ builtBy }) => builtBy !== 2)).toEqual([]);

    await Promise.all([resumed.close(), fresh.close(), eventStore.close()]);
  });
});

/** Resolves once every projection follows the log live (a rebuild caught up, its indexes built). */
async function untilLive(engine: ProjectionEngine): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!engine.states().every(({ status }) => status === 'live')) {
    if (Date.now() > deadline) throw new Error(`not live: ${JSON.stringify(engine.states())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
