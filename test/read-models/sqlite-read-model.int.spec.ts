import Database from 'better-sqlite3';
import { join } from 'path';
import { READ_MODEL_PAGE_SIZE } from '../../src/read-models/sqlite/read-model-database';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { describeReadModelContract } from './read-model.contract';

let dir: ReturnType<typeof makeTempDir>;

describeReadModelContract('SQLite', {
  open: async () => {
    dir = makeTempDir();
    return new SqliteReadModelStore(join(dir.path, 'read-models'));
  },
  reopen: async () => new SqliteReadModelStore(join(dir.path, 'read-models')),
  cleanup: () => dir.remove(),
});

/** The file of the collections defined for no projection. */
const UNOWNED_FILE = '_unowned.sqlite';

describe('SQLite index columns', () => {
  it('a file whose index columns are generated from the document (older files) is written and queried alike', async () => {
    const temp = makeTempDir();
    const old = new Database(join(temp.path, UNOWNED_FILE));
    old.exec(`CREATE TABLE "rm_people" (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    old.exec(`ALTER TABLE "rm_people" ADD COLUMN "f_family" GENERATED ALWAYS AS (json_extract(doc, '$.family')) VIRTUAL`);
    old.exec(`CREATE INDEX "rm_people__family" ON "rm_people" ("f_family")`);
    old.close();
    const store = new SqliteReadModelStore(temp.path);
    await store.define([{ name: 'people', indexes: [['family'], ['alive']] }]);
    await store.commit('people', 1, [
      { kind: 'put', collection: 'people', document: { id: 'p1', family: 'x', alive: true } },
      { kind: 'put', collection: 'people', document: { id: 'p2', family: 'y', alive: false } },
    ]);
    expect((await store.find('people', { where: { family: 'y', alive: false } })).map((document) => document.id)).toEqual(['p2']);
    await store.close();
    temp.remove();
  });
});

describe('SQLite read-model file', () => {
  const pageSizeOf = (file: string) => {
    const db = new Database(file, { readonly: true });
    const size = db.pragma('page_size', { simple: true });
    db.close();
    return size;
  };

  it('makes a new file with large pages, and opens a file made with other pages as it is', async () => {
    const temp = makeTempDir();
    const made = new SqliteReadModelStore(temp.path);
    await made.define([{ name: 'tally', indexes: [] }], 'tally');
    await made.close();
    expect(pageSizeOf(join(temp.path, 'tally.sqlite'))).toBe(READ_MODEL_PAGE_SIZE);
    const old = new Database(join(temp.path, UNOWNED_FILE));
    old.pragma('page_size = 4096');
    old.exec(`CREATE TABLE "rm_people" (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    old.close();
    const store = new SqliteReadModelStore(temp.path);
    await store.define([{ name: 'people', indexes: [] }]);
    await store.commit('people', 1, [{ kind: 'put', collection: 'people', document: { id: 'p1', family: 'x' } }]);
    expect(await store.get('people', 'p1')).toEqual({ id: 'p1', family: 'x' });
    await store.close();
    expect(pageSizeOf(join(temp.path, UNOWNED_FILE))).toBe(4096);
    temp.remove();
  });
});

describe('SQLite file per projection', () => {
  const versions = { name: 'versions', indexes: [['version']] };
  const rowsOf = (file: string, table: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all();
    } finally {
      db.close();
    }
  };

  it("keeps each projection's collections, checkpoint and documents of a shared collection in its own file, read as one", async () => {
    const temp = makeTempDir();
    const store = new SqliteReadModelStore(temp.path);
    await store.define([versions, { name: 'people', indexes: [['family']] }], 'persons');
    await store.define([versions, { name: 'cells', indexes: [] }], 'population');
    await store.commit('persons', 7, [
      { kind: 'put', collection: 'people', document: { id: 'p1', family: 'x' } },
      { kind: 'put', collection: 'versions', document: { id: 'persons', version: 1 } },
    ]);
    await store.commit('population', 9, [
      { kind: 'put', collection: 'cells', document: { id: 'c1', n: 1 } },
      { kind: 'put', collection: 'versions', document: { id: 'population', version: 2 } },
    ]);

    expect(rowsOf(join(temp.path, 'persons.sqlite'), 'checkpoints')).toEqual([{ projection: 'persons', position: 7 }]);
    expect(rowsOf(join(temp.path, 'population.sqlite'), 'checkpoints')).toEqual([{ projection: 'population', position: 9 }]);
    expect(rowsOf(join(temp.path, 'persons.sqlite'), 'rm_versions')).toEqual([{ id: 'persons', doc: '{"id":"persons","version":1}', f_version: 1 }]);
    expect(rowsOf(join(temp.path, 'population.sqlite'), 'rm_cells')).toEqual([{ id: 'c1', doc: '{"id":"c1","n":1}' }]);
    expect(await store.get('versions', 'population')).toEqual({ id: 'population', version: 2 });
    expect(await store.find('versions', { orderBy: [['version', 'desc']] })).toEqual([
      { id: 'population', version: 2 },
      { id: 'persons', version: 1 },
    ]);
    expect(await store.count('versions', { version: { gte: 1 } })).toBe(2);
    expect([await store.checkpoint('persons'), await store.checkpoint('population')]).toEqual([7, 9]);

    // A commit is one file's transaction: another projection's collection is refused, nothing written.
    await expect(
      store.commit('population', 10, [
        { kind: 'put', collection: 'cells', document: { id: 'c2', n: 2 } },
        { kind: 'put', collection: 'people', document: { id: 'p2', family: 'y' } },
      ]),
    ).rejects.toThrow(/people is not kept in the file of p_population/);
    expect([await store.checkpoint('population'), await store.get('cells', 'c2')]).toEqual([9, undefined]);
    await store.close();
    temp.remove();
  });

  it("commits one projection while another connection holds another projection's file locked", async () => {
    const temp = makeTempDir();
    const setup = new SqliteReadModelStore(temp.path);
    await setup.define([versions, { name: 'people', indexes: [] }], 'persons');
    await setup.define([versions, { name: 'cells', indexes: [] }], 'population');
    await setup.close();
    // As a rebuild thread would: a connection that knows only population.
    const population = new SqliteReadModelStore(temp.path, 200);
    await population.define([versions, { name: 'cells', indexes: [] }], 'population');
    const persons = new SqliteReadModelStore(temp.path, 200);
    await persons.define([versions, { name: 'people', indexes: [] }], 'persons');

    const writer = new Database(join(temp.path, 'persons.sqlite'));
    // Another connection in the middle of a commit to persons' file, as a rebuild thread would be.
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare('INSERT INTO checkpoints VALUES (?, ?)').run('persons', 1);
    try {
      await population.commit('population', 1, [{ kind: 'put', collection: 'cells', document: { id: 'c1' } }]);
      // Matched by message: better-sqlite3's errors may come from another test file's realm, not this one's Error.
      await expect(persons.commit('persons', 1, [{ kind: 'put', collection: 'people', document: { id: 'p1' } }])).rejects.toHaveProperty(
        'message',
        expect.stringMatching(/locked|busy/i),
      );
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(await population.checkpoint('population')).toBe(1);
    await Promise.all([population.close(), persons.close()]);
    temp.remove();
  });
});

describe('SQLite bulk load', () => {
  const indexesOf = (file: string) => {
    const db = new Database(file, { readonly: true });
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all() as Array<{ name: string }>).map(
      (row) => row.name,
    );
    db.close();
    return names;
  };

  it('drops the secondary indexes while loading and builds them again after, and define rebuilds those an interrupted load left', async () => {
    const temp = makeTempDir();
    const file = join(temp.path, 'people.sqlite');
    const people = { name: 'people', indexes: [['family', 'birthYear'], ['area']] };
    const store = new SqliteReadModelStore(temp.path);
    await store.define([people], 'people');
    const declared = indexesOf(file);
    expect(declared).toEqual(['rm_people__area', 'rm_people__family__birthYear']);
    await store.bulkLoad(['people'], async () => {
      expect(indexesOf(file)).toEqual([]);
      await store.commit('people', 1, [{ kind: 'put', collection: 'people', document: { id: 'p1', family: 'x', birthYear: 1980, area: 'a' } }]);
    });
    expect(indexesOf(file)).toEqual(declared);

    // A process killed mid-load leaves the indexes dropped: the next start's define restores them.
    const killed = new Database(file);
    killed.exec('DROP INDEX "rm_people__area"');
    killed.close();
    await store.close();
    const next = new SqliteReadModelStore(temp.path);
    await next.define([people], 'people');
    expect(indexesOf(file)).toEqual(declared);
    expect(await next.count('people', { area: 'a' })).toBe(1);
    await next.close();
    temp.remove();
  });
});
