import Database from 'better-sqlite3';
import { join } from 'path';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';

/**
 * A connection with several projections' files (a server's) writes one projection while another
 * connection (a rebuild thread) holds the write lock of another projection's file. The lock is
 * held on purpose for the whole test, so a store that waited on it would always fail, whatever
 * the timing; the short busy timeout only makes that failure quick.
 */
describe('SQLite read-model writes lock only the files they write', () => {
  const people = { name: 'people', indexes: [['family']] };
  const cells = { name: 'cells', indexes: [['year']] };
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteReadModelStore;
  let holder: Database.Database;
  const holdWriteLock = (projection: string) => {
    holder = new Database(join(dir.path, `${projection}.sqlite`));
    holder.exec('BEGIN IMMEDIATE');
  };

  beforeEach(async () => {
    dir = makeTempDir();
    store = new SqliteReadModelStore(dir.path, 50);
    await store.define([people], 'registry');
    await store.define([cells], 'population');
  });
  afterEach(async () => {
    holder.close();
    await store.close();
    dir.remove();
  });

  it('commits, resets, bulk-loads and defines a projection while another holds its own file', async () => {
    holdWriteLock('population');
    await store.commit('registry', 1, [{ kind: 'put', collection: 'people', document: { id: 'p1', family: 'x' } }]);
    await store.reset('registry', ['people']);
    await store.bulkLoad(['people'], () =>
      store.commit('registry', 2, [{ kind: 'put', collection: 'people', document: { id: 'p2', family: 'y' } }], { previous: undefined }),
    );
    await store.define([{ name: 'people', indexes: [['family'], ['alive']] }], 'registry');
    expect(await store.find('people', { where: { family: 'y' } })).toEqual([{ id: 'p2', family: 'y' }]);
    expect(await store.checkpoint('registry')).toBe(2);
  });

  it("tells a failed bulk load's own error when building the indexes afterwards fails too", async () => {
    const load = async () => {
      holdWriteLock('registry');
      throw new Error('the load failed');
    };
    await expect(store.bulkLoad(['people'], load)).rejects.toThrow('the load failed');
  });

  it('takes the lock of the file it writes before reading it, so an expectation is checked against the latest commit', async () => {
    holdWriteLock('registry');
    // Checked before the lock, this stale expectation would fail as a conflict instead. (SQLite's
    // errors are matched by code: in a jest worker they may come from another test file's realm,
    // which toThrow does not take for errors.)
    await expect(store.commit('registry', 1, [], { previous: 7 })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await expect(store.reset('registry', ['people'])).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
  });
});
