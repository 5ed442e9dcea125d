import {
  CheckpointConflict,
  type CollectionDefinition,
  type Document,
  type ReadModelStore,
  type ReadModelWrite,
} from '../../src/read-models/read-model.port';

export interface ReadModelHarness {
  /** A store on an empty database. */
  open(): Promise<ReadModelStore>;
  /** The same database again, as another process would see it. */
  reopen(): Promise<ReadModelStore>;
  cleanup?(): Promise<void> | void;
}

const people: CollectionDefinition = { name: 'people', indexes: [['family', 'birthYear'], ['alive'], ['area']] };
const tally: CollectionDefinition = { name: 'tally', indexes: [] };

const person = (id: string, family: string, birthYear: number | null, extra: Partial<Document> = {}): Document => ({
  id,
  family,
  birthYear,
  alive: true,
  area: 'LY-BA-03',
  name: { given: 'محمد', father: 'علي' },
  ...extra,
});
const put = (document: Document, collection = 'people'): ReadModelWrite => ({ kind: 'put', collection, document });

/** The one contract every ReadModelStore adapter keeps; each adapter's spec calls this. */
export function describeReadModelContract(name: string, harness: ReadModelHarness): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let store: ReadModelStore;
    const ids = (documents: Document[]) => documents.map((document) => document.id);

    beforeEach(async () => {
      store = await harness.open();
      await store.define([people, tally]);
    });
    afterEach(async () => {
      await store.close();
      await harness.cleanup?.();
    });

    const seed = () =>
      store.commit('seed', 1, [
        put(person('p1', 'العبيدي', 1980)),
        put(person('p2', 'العبيدي', 1975, { alive: false })),
        put(person('p3', 'الترهوني', 1990, { area: 'LY-TB-01' })),
        put(person('p4', 'العبيدي', 1980)),
        put(person('p5', 'المصراتي', null, { area: null })),
      ]);

    describe('define', () => {
      it('is idempotent and accepts new indexes on an existing collection', async () => {
        await store.define([people, tally]);
        await store.define([{ name: 'people', indexes: [['sex']] }]);
        await seed();
        await store.commit('seed', 2, [put(person('p6', 'x', 2000, { sex: 'F' }))]);
        expect(ids(await store.find('people', { where: { sex: 'F' } }))).toEqual(['p6']);
      });

      it('answers an index declared after documents were stored for those documents too', async () => {
        await seed();
        await store.commit('seed', 2, [put(person('p6', 'x', 2000, { sex: 'F', alive: false }))]);
        await store.define([{ name: 'people', indexes: [['sex', 'alive']] }]);
        expect(ids(await store.find('people', { where: { sex: 'F', alive: false } }))).toEqual(['p6']);
        expect(await store.count('people', { sex: null })).toBe(5);
      });
    });

    describe('documents and checkpoints', () => {
      it('has no checkpoint before the first commit, and the committed one after', async () => {
        expect(await store.checkpoint('seed')).toBeUndefined();
        await seed();
        expect(await store.checkpoint('seed')).toBe(1);
        expect(await store.checkpoint('other')).toBeUndefined();
      });

      it('round-trips documents with nested values, arrays and Arabic text', async () => {
        const document = person('p1', 'العبيدي', 1980, { events: [{ type: 'BirthRegistered', on: '1980-05' }], weight: 3.25 });
        await store.commit('seed', 1, [put(document)]);
        expect(await store.get('people', 'p1')).toEqual(document);
        expect(await store.get('people', 'missing')).toBeUndefined();
      });

      it('stores a document put with its JSON, as text or made at the write, as the document itself', async () => {
        const document = person('p1', 'العبيدي', 1980, { events: [{ type: 'BirthRegistered', on: '1980-05' }] });
        const other = person('p2', 'العبيدي', 1975);
        // Text the projection made its own way: equal once parsed, not byte for byte.
        const json = JSON.stringify(document, null, 1);
        await store.commit('seed', 1, [
          { kind: 'put', collection: 'people', document, json },
          { kind: 'put', collection: 'people', document: other, json: () => JSON.stringify(other) },
        ]);
        expect(await store.get('people', 'p1')).toEqual(document);
        expect(await store.get('people', 'p2')).toEqual(other);
        expect(ids(await store.find('people', { where: { family: 'العبيدي', birthYear: 1980 } }))).toEqual(['p1']);
      });

      it('replaces a whole document on put and removes it on delete', async () => {
        await seed();
        await store.commit('seed', 2, [put({ id: 'p1', family: 'الفيتوري' }), { kind: 'delete', collection: 'people', id: 'p2' }]);
        expect(await store.get('people', 'p1')).toEqual({ id: 'p1', family: 'الفيتوري' });
        expect(await store.get('people', 'p2')).toBeUndefined();
      });

      it('applies writes to one document in order within a commit', async () => {
        await store.commit('seed', 1, [
          put({ id: 't', n: 1 }, 'tally'),
          { kind: 'delete', collection: 'tally', id: 't' },
          put({ id: 't', n: 3 }, 'tally'),
        ]);
        expect(await store.get('tally', 't')).toEqual({ id: 't', n: 3 });
      });

      it('gets many by ID, leaving out the missing ones', async () => {
        await seed();
        const found = await store.getMany('people', ['p3', 'nobody', 'p1']);
        expect([...found.keys()].sort()).toEqual(['p1', 'p3']);
        expect(found.get('p3')?.family).toBe('الترهوني');
        expect((await store.getMany('people', [])).size).toBe(0);
      });

      it('commits nothing, not even the checkpoint, when a write fails', async () => {
        await seed();
        await expect(store.commit('seed', 2, [put(person('p9', 'x', 1)), put({ id: 'z' }, 'undefined-collection')])).rejects.toThrow();
        expect(await store.get('people', 'p9')).toBeUndefined();
        expect(await store.checkpoint('seed')).toBe(1);
      });

      it('refuses a commit whose expected previous checkpoint is not the stored one', async () => {
        await store.commit('seed', 5, [], { previous: undefined });
        await expect(store.commit('seed', 9, [put(person('p9', 'x', 1))], { previous: 3 })).rejects.toBeInstanceOf(CheckpointConflict);
        await expect(store.commit('seed', 9, [], { previous: undefined })).rejects.toBeInstanceOf(CheckpointConflict);
        expect(await store.get('people', 'p9')).toBeUndefined();
        expect(await store.checkpoint('seed')).toBe(5);
        await store.commit('seed', 9, [put(person('p9', 'x', 1))], { previous: 5 });
        expect(await store.checkpoint('seed')).toBe(9);
      });

      it('commits thousands of writes in one commit', async () => {
        const writes = Array.from({ length: 5_000 }, (_, i) => put(person(`p${i}`, `family-${i % 50}`, 1900 + (i % 120))));
        await store.commit('seed', 5_000, writes);
        expect(await store.count('people')).toBe(5_000);
        expect(await store.count('people', { family: 'family-7' })).toBe(100);
      });

      it('keeps documents and checkpoints when reopened', async () => {
        await seed();
        await store.close();
        store = await harness.reopen();
        await store.define([people, tally]);
        expect(await store.checkpoint('seed')).toBe(1);
        expect((await store.get('people', 'p3'))?.area).toBe('LY-TB-01');
      });
    });

    describe('find and count', () => {
      beforeEach(seed);

      it('filters by equality on declared fields, in ID order', async () => {
        expect(ids(await store.find('people', { where: { family: 'العبيدي' } }))).toEqual(['p1', 'p2', 'p4']);
        expect(ids(await store.find('people', { where: { family: 'العبيدي', birthYear: 1980 } }))).toEqual(['p1', 'p4']);
        expect(ids(await store.find('people', { where: { id: 'p3' } }))).toEqual(['p3']);
      });

      it('matches booleans, and null also matches a missing or null field', async () => {
        expect(ids(await store.find('people', { where: { alive: false } }))).toEqual(['p2']);
        expect(ids(await store.find('people', { where: { alive: true } }))).toEqual(['p1', 'p3', 'p4', 'p5']);
        expect(ids(await store.find('people', { where: { birthYear: null } }))).toEqual(['p5']);
        expect(ids(await store.find('people', { where: { area: null } }))).toEqual(['p5']);
      });

      it('filters by a list of values and by ranges', async () => {
        expect(ids(await store.find('people', { where: { family: { in: ['الترهوني', 'المصراتي'] } } }))).toEqual(['p3', 'p5']);
        expect(ids(await store.find('people', { where: { area: { in: ['LY-TB-01', null] } } }))).toEqual(['p3', 'p5']);
        expect(await store.find('people', { where: { family: { in: [] } } })).toEqual([]);
        expect(ids(await store.find('people', { where: { birthYear: { gte: 1980 } } }))).toEqual(['p1', 'p3', 'p4']);
        expect(ids(await store.find('people', { where: { birthYear: { gt: 1975, lt: 1990 } } }))).toEqual(['p1', 'p4']);
        expect(ids(await store.find('people', { where: { birthYear: { lte: 1980 }, family: 'العبيدي' } }))).toEqual(['p1', 'p2', 'p4']);
        expect(ids(await store.find('people', { where: { id: { gte: 'p2', lt: 'p4' } } }))).toEqual(['p2', 'p3']);
      });

      it('sorts by several fields, ties broken by ID', async () => {
        const found = await store.find('people', { where: { birthYear: { gte: 0 } }, orderBy: [['birthYear', 'desc'], ['family', 'asc']] });
        expect(ids(found)).toEqual(['p3', 'p1', 'p4', 'p2']);
        expect(ids(await store.find('people', { orderBy: [['id', 'desc']] }))).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
      });

      it('pages with limit and offset', async () => {
        const page = (offset: number) => store.find('people', { orderBy: [['family', 'asc']], limit: 2, offset });
        expect([...ids(await page(0)), ...ids(await page(2)), ...ids(await page(4))]).toEqual(['p3', 'p1', 'p2', 'p4', 'p5']);
        expect(ids(await store.find('people', { offset: 3 }))).toEqual(['p4', 'p5']);
        expect(await store.find('people', { limit: 0, offset: 1 })).toEqual([]);
      });

      it('counts with or without conditions', async () => {
        expect(await store.count('people')).toBe(5);
        expect(await store.count('people', { family: 'العبيدي', alive: true })).toBe(2);
        expect(await store.count('people', { birthYear: { lt: 1980 } })).toBe(1);
      });

      it('refuses a query on an undeclared field or an undefined collection', async () => {
        await expect(store.find('people', { where: { name: 'x' } })).rejects.toThrow(/name is not in a declared index/);
        await expect(store.find('people', { orderBy: [['weight', 'asc']] })).rejects.toThrow(/weight/);
        await expect(store.count('people', { given: 'x' })).rejects.toThrow(/given/);
        await expect(store.find('nowhere')).rejects.toThrow(/not defined/);
        await expect(store.get('nowhere', 'x')).rejects.toThrow(/not defined/);
      });
    });

    describe('reset', () => {
      it('empties the collections and forgets only that projection checkpoint', async () => {
        await seed();
        await store.commit('counter', 7, [put({ id: 't', n: 1 }, 'tally')]);
        await store.reset('seed', ['people']);
        expect(await store.count('people')).toBe(0);
        expect(await store.checkpoint('seed')).toBeUndefined();
        expect(await store.checkpoint('counter')).toBe(7);
        expect(await store.get('tally', 't')).toEqual({ id: 't', n: 1 });
        await seed();
        expect(await store.count('people')).toBe(5);
      });
    });

    describe('bulkLoad', () => {
      it('answers indexed queries during and after the load, and returns what the load returns', async () => {
        await store.reset('seed', ['people']);
        const loaded = await store.bulkLoad(['people'], async () => {
          await seed();
          expect(ids(await store.find('people', { where: { family: 'العبيدي' }, orderBy: [['birthYear', 'desc']] }))).toEqual(['p1', 'p4', 'p2']);
          return 'done';
        });
        expect(loaded).toBe('done');
        expect(ids(await store.find('people', { where: { family: 'العبيدي' }, orderBy: [['birthYear', 'desc']] }))).toEqual(['p1', 'p4', 'p2']);
        expect(await store.count('people', { alive: false })).toBe(1);
        expect(await store.checkpoint('seed')).toBe(1);
      });

      it('rethrows a failed load, keeping what it committed and the indexes', async () => {
        await expect(
          store.bulkLoad(['people'], async () => {
            await seed();
            throw new Error('interrupted');
          }),
        ).rejects.toThrow('interrupted');
        expect(ids(await store.find('people', { where: { area: 'LY-TB-01' } }))).toEqual(['p3']);
        const again = await harness.reopen();
        await again.define([people, tally]);
        expect(await again.count('people', { family: 'العبيدي', birthYear: 1980 })).toBe(2);
        await again.close();
      });
    });
  });
}
