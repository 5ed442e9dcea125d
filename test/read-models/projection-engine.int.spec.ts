import { join } from 'path';
import { generatePersonLog } from '../../bench/person-log';
import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionEngine, type RebuildProgress } from '../../src/read-models/engine/projection-engine';
import { ProjectionTimeout } from '../../src/read-models/engine/projection-progress';
import type { Projection } from '../../src/read-models/projection';
import type { Document } from '../../src/read-models/read-model.port';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { projections } from '../../src/projections';
import { logStatsProjection, type EventTypeStats } from '../../src/projections/log-stats/log-stats.projection';
import { makeTempDir } from '../event-store/temp-dir';
import { dumpCollections, expectRebuildEqualsLive } from '../support/rebuild-equals-live';
import { eventTally } from './event-tally.projection';

jest.setTimeout(60_000);

describe('ProjectionEngine on the embedded stores', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let eventStore: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  const engines: ProjectionEngine[] = [];
  const engine = (projections: Projection[] = [logStatsProjection, eventTally], batchSize = 1_000) => {
    const created = new ProjectionEngine({ eventStore, readModels, projections, batchSize, retryMs: 10, onError: () => undefined });
    engines.push(created);
    return created;
  };

  beforeEach(() => {
    dir = makeTempDir();
    eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'), { pollIntervalMs: 10 });
    readModels = new SqliteReadModelStore(join(dir.path, 'read-models'));
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    await eventStore.close();
    await readModels.close();
    dir.remove();
  });

  const countsByType = (log: RecordedEvent[]) =>
    Object.fromEntries([...new Set(log.map((e) => e.type))].sort().map((type) => [type, log.filter((e) => e.type === type).length]));
  const projectedCounts = async () =>
    Object.fromEntries((await readModels.find<EventTypeStats>('log-stats')).map((stats) => [stats.id, stats.count]));
  /** Caught up to the head is not yet live: the runner subscribes after its last empty read. */
  const untilLive = async (running: ProjectionEngine) => {
    while (running.states().some((state) => state.status !== 'live')) await new Promise((r) => setTimeout(r, 5));
  };
  const expectExactlyOnce = async () => {
    const log = await eventStore.readAll();
    expect(await readModels.count('event-tally')).toBe(log.length);
    expect(await readModels.count('event-tally', { applied: { gt: 1 } })).toBe(0);
    expect(await projectedCounts()).toEqual(countsByType(log));
  };

  it('catches up on the log, then follows it live', async () => {
    await generatePersonLog(eventStore, { events: 5_000, personsPerAppend: 50 });
    const running = engine();
    await running.start();
    await running.waitForHead();
    await expectExactlyOnce();
    await untilLive(running);
    expect(running.states().map((s) => s.status)).toEqual(['live', 'live']);

    await generatePersonLog(eventStore, { events: 300, personsPerAppend: 10, seed: 7 });
    const [last] = await eventStore.readAll({ after: (await readModels.checkpoint('log-stats'))!, maxCount: 1_000 }).then((e) => e.slice(-1));
    await running.waitFor(last.position, { timeoutMs: 5_000 });
    await expectExactlyOnce();
  });

  it('resumes from its checkpoint after a stop, skipping and doubling nothing', async () => {
    await generatePersonLog(eventStore, { events: 20_000, personsPerAppend: 100 });
    const first = engine([logStatsProjection, eventTally], 500);
    await first.start();
    while (((await readModels.checkpoint('event-tally')) ?? 0) < 2_000) await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    const stoppedAt = (await readModels.checkpoint('event-tally'))!;
    expect(stoppedAt).toBeLessThan((await eventStore.readAll()).slice(-1)[0].position);

    await generatePersonLog(eventStore, { events: 1_000, seed: 9 });
    const second = engine();
    await second.start();
    await second.waitForHead();
    await expectExactlyOnce();
  });

  it('never applies a batch twice when two processes run the same projection', async () => {
    await generatePersonLog(eventStore, { events: 10_000, personsPerAppend: 50 });
    const other = new SqliteReadModelStore(join(dir.path, 'read-models'));
    const second = new ProjectionEngine({ eventStore, readModels: other, projections: [logStatsProjection, eventTally], batchSize: 700, retryMs: 5, onError: () => undefined });
    engines.push(second);
    const first = engine([logStatsProjection, eventTally], 1_100);
    await Promise.all([first.start(), second.start()]);
    await generatePersonLog(eventStore, { events: 2_000, personsPerAppend: 20, seed: 3 });
    await first.waitForHead({ timeoutMs: 30_000 });
    await second.waitForHead({ timeoutMs: 30_000 });
    await expectExactlyOnce();
    await second.stop();
    await other.close();
  });

  it('retries a failed projection from its checkpoint', async () => {
    await generatePersonLog(eventStore, { events: 2_000 });
    let failures = 2;
    const flaky: Projection = {
      ...eventTally,
      apply: async (events, unitOfWork) => {
        if (failures-- > 0) throw new Error('index service unavailable');
        await eventTally.apply(events, unitOfWork);
      },
    };
    const running = engine([logStatsProjection, flaky]);
    await running.start();
    await running.waitForHead();
    await expectExactlyOnce();
    await untilLive(running);
    expect(running.states()[1]).toEqual({ name: 'event-tally', version: 1, status: 'live', checkpoint: expect.any(Number) });
  });

  it('catches up projections with nothing stored as a rebuild does: the log read once, the same models as live and rebuilt', async () => {
    const all = [...projections, eventTally];
    const stores = ['live', 'from-zero', 'rebuilt'].map((name) => new SqliteReadModelStore(join(dir.path, name)));
    const [live, fromZero, rebuilt] = stores;
    try {
      const following = new ProjectionEngine({ eventStore, readModels: live, projections: all, batchSize: 1_000 });
      engines.push(following);
      await following.start();
      await untilLive(following);
      await generatePersonLog(eventStore, { events: 6_000, personsPerAppend: 50 });
      await following.waitForHead({ timeoutMs: 60_000 });

      const readFromZero = jest.spyOn(eventStore, 'readAll');
      const bulkLoad = jest.spyOn(fromZero, 'bulkLoad');
      const catchingUp = new ProjectionEngine({ eventStore, readModels: fromZero, projections: all, batchSize: 1_000 });
      engines.push(catchingUp);
      await catchingUp.start();
      await catchingUp.waitForHead({ timeoutMs: 60_000 });
      await untilLive(catchingUp);
      expect(readFromZero.mock.calls.filter(([options]) => options?.after === 0 && options.maxCount === 1_000)).toHaveLength(1);
      expect(bulkLoad).toHaveBeenCalledTimes(1);
      readFromZero.mockRestore();

      await new ProjectionEngine({ eventStore, readModels: rebuilt, projections: all }).rebuild();
      const expected = await dumpCollections(live, all);
      expect(await dumpCollections(fromZero, all)).toEqual(expected);
      expect(await dumpCollections(rebuilt, all)).toEqual(expected);
      expect(await fromZero.count('event-tally', { applied: { gt: 1 } })).toBe(0);
      expect((expected['event-tally'] as Document[]).length).toBe((await eventStore.readAll()).length);
    } finally {
      await Promise.all(engines.splice(0).map((e) => e.stop()));
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('rebuilds from zero with progress, equal to the live model', async () => {
    await generatePersonLog(eventStore, { events: 4_000 });
    const running = engine();
    await running.start();
    await running.waitForHead();
    await running.stop();
    const live = await readModels.find('event-tally');

    const progress: RebuildProgress[] = [];
    await engine().rebuild(['event-tally'], (p) => progress.push(p));
    expect(await readModels.find('event-tally')).toEqual(live);
    const head = (await eventStore.readAll()).slice(-1)[0].position;
    expect(progress[0]).toEqual({ projection: 'event-tally', position: 0, head, events: 0 });
    expect(progress.slice(-1)[0]).toMatchObject({ position: head, head, events: live.length });
    await expect(engine().rebuild(['no-such'])).rejects.toThrow(/no projection named no-such/);
  });

  it('reports lag in events and seconds until caught up, and times out waiting when stopped', async () => {
    await generatePersonLog(eventStore, { events: 600, personsPerAppend: 20 });
    const idle = engine();
    const lag = await idle.lag();
    const total = (await eventStore.readAll()).length;
    expect(lag.map((l) => [l.projection, l.checkpoint, l.events])).toEqual([['log-stats', 0, total], ['event-tally', 0, total]]);
    expect(lag[0].seconds).toBeGreaterThanOrEqual(0);
    await expect(idle.waitForHead({ timeoutMs: 50 })).rejects.toBeInstanceOf(ProjectionTimeout);

    await idle.start();
    await idle.waitForHead();
    expect((await idle.lag()).map((l) => [l.events, l.seconds])).toEqual([[0, 0], [0, 0]]);
  });

  it('lets other tests prove rebuild equals live', async () => {
    const models = await expectRebuildEqualsLive({
      eventStore,
      projections: [logStatsProjection, eventTally],
      record: async () => {
        for (let seed = 1; seed <= 5; seed++) await generatePersonLog(eventStore, { events: 200, personsPerAppend: 5, seed });
      },
    });
    expect((models['event-tally'] as Document[]).length).toBeGreaterThan(1_000);
  });
});
