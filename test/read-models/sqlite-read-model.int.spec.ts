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
    return new SqliteReadModelStore(join(dir.path, 'read-models.sqlite'));
  },
  reopen: async () => new SqliteReadModelStore(join(dir.path, 'read-models.sqlite')),
  cleanup: () => dir.remove(),
});

describe('SQLite index columns', () => {
  it('a file whose index columns are generated from the document (older files) is written and queried alike', async () => {
    const temp = makeTempDir();
    const file = join(temp.path, 'read-models.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE "rm_people" (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    old.exec(`ALTER TABLE "rm_people" ADD COLUMN "f_family" GENERATED ALWAYS AS (json_extract(doc, '$.family')) VIRTUAL`);
    old.exec(`CREATE INDEX "rm_people__family" ON "rm_people" ("f_family")`);
    old.close();
    const store = new SqliteReadModelStore(file);
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
    const [made, older] = [join(temp.path, 'made.sqlite'), join(temp.path, 'older.sqlite')];
    await new SqliteReadModelStore(made).close();
    expect(pageSizeOf(made)).toBe(READ_MODEL_PAGE_SIZE);
    const old = new Database(older);
    old.pragma('page_size = 4096');
    old.exec(`CREATE TABLE "rm_people" (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    old.close();
    const store = new SqliteReadModelStore(older);
    await store.define([{ name: 'people', indexes: [] }]);
    await store.commit('people', 1, [{ kind: 'put', collection: 'people', document: { id: 'p1', family: 'x' } }]);
    expect(await store.get('people', 'p1')).toEqual({ id: 'p1', family: 'x' });
    await store.close();
    expect(pageSizeOf(older)).toBe(4096);
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
    const file = join(temp.path, 'read-models.sqlite');
    const people = { name: 'people', indexes: [['family', 'birthYear'], ['area']] };
    const store = new SqliteReadModelStore(file);
    await store.define([people]);
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
    const next = new SqliteReadModelStore(file);
    await next.define([people]);
    expect(indexesOf(file)).toEqual(declared);
    expect(await next.count('people', { area: 'a' })).toBe(1);
    await next.close();
    temp.remove();
  });
});
