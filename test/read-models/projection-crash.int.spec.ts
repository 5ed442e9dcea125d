import { join } from 'path';
import { generatePersonLog } from '../../bench/person-log';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { projections } from '../../src/projections';
import { ProjectionEngine } from '../../src/read-models/engine/projection-engine';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { runUntilKilled } from './fixtures/kill-child';
import { dumpCollections } from '../support/rebuild-equals-live';
import { eventTally } from './event-tally.projection';

const CHILD = join(__dirname, 'fixtures', 'rebuild-until-killed.js');
const all = [...projections, eventTally];

/**
 * A worker rebuilding a large log is killed with SIGKILL mid-batch. Restarted, it resumes from the
 * checkpoints it committed, and its read models then equal a fresh rebuild, with no event applied
 * twice.
 */
describe('projection worker killed mid-rebuild', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.remove());

  /**
   * Restarts the projections the killed child left behind (some of them short of the head), and
   * checks they end equal to a fresh rebuild of the same log, with no event applied twice.
   */
  async function resumeAsFresh(eventStore: SqliteEventStore): Promise<SqliteReadModelStore> {
    const resumed = new SqliteReadModelStore(join(dir.path, 'read-models'));
    const worker = new ProjectionEngine({ eventStore, readModels: resumed, projections: all });
    expect((await worker.lag()).filter((lag) => lag.events > 0).length).toBeGreaterThan(0);
    await worker.start();
    await worker.waitForHead({ timeoutMs: 60_000 });
    await worker.stop();

    const fresh = new SqliteReadModelStore(join(dir.path, 'fresh'));
    await new ProjectionEngine({ eventStore, readModels: fresh, projections: all }).rebuild();
    expect(await dumpCollections(resumed, all)).toEqual(await dumpCollections(fresh, all));
    expect(await resumed.count('event-tally', { applied: { gt: 1 } })).toBe(0);
    await fresh.close();
    return resumed;
  }

  it('resumes after SIGKILL to the same models as a fresh rebuild', async () => {
    const eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'));
    await generatePersonLog(eventStore, { events: 20_000 });
    const total = (await eventStore.readAll()).length;

    const output = await runUntilKilled(CHILD, dir.path, 3);
    expect(output).not.toContain('done');

    const resumed = await resumeAsFresh(eventStore);
    expect(await resumed.count('event-tally')).toBe(total);
    await Promise.all([resumed.close(), eventStore.close()]);
  }, 120_000);

  it('resumes a catch-up from no read models at all, killed midway, to the same models as a fresh rebuild', async () => {
    const eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'));
    await generatePersonLog(eventStore, { events: 20_000 });

    await runUntilKilled(CHILD, dir.path, 3, 'start');

    const resumed = await resumeAsFresh(eventStore);
    await Promise.all([resumed.close(), eventStore.close()]);
  }, 120_000);
});
