import type { Document, ReadModelStore } from '../read-model.port';
import { CommittedBudget } from './committed-budget';
import { CommittedDocuments, StagedUnitOfWork } from './unit-of-work';

/** A store that holds `stored` (only `get` is asked of it) and records the reads that reach it. */
function storeHolding(stored: Record<string, Document>): ReadModelStore & { reads: string[] } {
  const reads: string[] = [];
  const get = async (_collection: string, id: string) => {
    reads.push(id);
    return stored[id];
  };
  return { reads, get } as unknown as ReadModelStore & { reads: string[] };
}

describe('a batch reading through the committed documents', () => {
  it('after a reset, a document never committed is absent without asking the store', async () => {
    const store = storeHolding({});
    const committed = new CommittedDocuments();
    committed.startEmpty();
    expect(committed.holds(undefined)).toBe(true);
    expect(await new StagedUnitOfWork(store, committed).get('people', 'p1')).toBeUndefined();
    expect(store.reads).toEqual([]);
  });

  it('keeps the JSON of what a batch read and found; the store answers for a new document it did not keep', async () => {
    const store = storeHolding({ p1: { id: 'p1', n: 1 }, p2: { id: 'p2', n: 1 } });
    const committed = new CommittedDocuments();
    committed.startEmpty();
    committed.committed(1, [{ kind: 'put', collection: 'people', document: { id: 'p1', n: 1 }, json: '{"id":"p1","n":1}' }]);

    const batch = new StagedUnitOfWork(store, committed);
    const p1 = await batch.get<Document & { n: number }>('people', 'p1');
    batch.put('people', { ...p1!, n: 2 });
    batch.put('people', { id: 'p2', n: 1 });
    const writes = batch.writes();
    expect(writes).toEqual([
      { kind: 'put', collection: 'people', document: { id: 'p1', n: 2 }, json: '{"id":"p1","n":2}' },
      { kind: 'put', collection: 'people', document: { id: 'p2', n: 1 } },
    ]);
    committed.committed(2, writes);

    const next = new StagedUnitOfWork(store, committed);
    expect(await next.get('people', 'p1')).toEqual({ id: 'p1', n: 2 });
    expect(await next.get('people', 'p2')).toEqual({ id: 'p2', n: 1 });
    expect(store.reads).toEqual(['p2']);
  });

  it('hands the store the JSON a document was put with, keeping it only for a document the batch read and found, and put with its text', async () => {
    const store = storeHolding({ p1: { id: 'p1', n: 1 } });
    const committed = new CommittedDocuments();
    committed.startEmpty();
    committed.committed(1, [{ kind: 'put', collection: 'people', document: { id: 'p1', n: 1 }, json: '{"id":"p1","n":1}' }]);

    const batch = new StagedUnitOfWork(store, committed);
    await batch.get('people', 'p1');
    batch.put('people', { id: 'p1', n: 2 }, '{"id":"p1","n":2}');
    const makeP2 = () => '{"id":"p2","n":1}';
    batch.put('people', { id: 'p2', n: 1 }, makeP2);
    batch.put('people', { id: 'p3', n: 1 }, '{"id":"p3","n":1}');
    batch.put('people', { id: 'p3', n: 2 });
    const writes = batch.writes();
    expect(writes).toEqual([
      { kind: 'put', collection: 'people', document: { id: 'p1', n: 2 }, json: '{"id":"p1","n":2}' },
      { kind: 'put', collection: 'people', document: { id: 'p2', n: 1 }, json: makeP2 },
      { kind: 'put', collection: 'people', document: { id: 'p3', n: 2 } },
    ]);
    committed.committed(2, writes);

    expect(committed.lookup('people', 'p1')).toBe('{"id":"p1","n":2}');
    expect(committed.lookup('people', 'p2')).toBeUndefined();
  });

  it('does not keep a document found and put with a function making its text: the store makes it as it writes', async () => {
    const store = storeHolding({ log1: { id: 'log1', n: 1 } });
    const committed = new CommittedDocuments();
    committed.startEmpty();
    committed.committed(1, [{ kind: 'put', collection: 'logs', document: { id: 'log1', n: 1 }, json: '{"id":"log1","n":1}' }]);

    const batch = new StagedUnitOfWork(store, committed);
    await batch.get('logs', 'log1');
    const makeLog1 = () => '{"id":"log1","n":2}';
    batch.put('logs', { id: 'log1', n: 2 }, makeLog1);
    const writes = batch.writes();
    expect(writes).toEqual([{ kind: 'put', collection: 'logs', document: { id: 'log1', n: 2 }, json: makeLog1 }]);
    committed.committed(2, writes);

    expect(committed.lookup('logs', 'log1')).toBeUndefined();
    expect(await new StagedUnitOfWork(store, committed).get('logs', 'log1')).toEqual({ id: 'log1', n: 1 });
    expect(store.reads).toEqual(['log1']);
  });

  it('a put without JSON replaces what was kept of the document, and past its limit every unknown document is read from the store', async () => {
    const store = storeHolding({ p1: { id: 'p1', n: 2 }, p3: { id: 'p3' } });
    const committed = new CommittedDocuments(new CommittedBudget(1_000), 2);
    committed.startEmpty();
    committed.committed(1, [{ kind: 'put', collection: 'people', document: { id: 'p1', n: 1 }, json: '{"id":"p1","n":1}' }]);
    committed.committed(2, [{ kind: 'put', collection: 'people', document: { id: 'p1', n: 2 } }]);
    expect(await new StagedUnitOfWork(store, committed).get('people', 'p1')).toEqual({ id: 'p1', n: 2 });
    committed.committed(3, [
      { kind: 'put', collection: 'people', document: { id: 'p2' } },
      { kind: 'put', collection: 'people', document: { id: 'p3' } },
    ]);
    expect(await new StagedUnitOfWork(store, committed).get('people', 'p4')).toBeUndefined();
    expect(store.reads).toEqual(['p1', 'p4']);
  });

  it('runners keep at most their shared budget of characters, the one holding the most giving up its oldest first', async () => {
    const budget = new CommittedBudget(120);
    const [cells, logs] = [new CommittedDocuments(budget), new CommittedDocuments(budget)];
    const put = (id: string, chars: number) => ({
      kind: 'put' as const,
      collection: 'c',
      document: { id },
      json: JSON.stringify({ id, pad: 'x'.repeat(chars - 18 - id.length) }),
    });
    cells.committed(1, [put('cell1', 30), put('cell2', 30)]);
    logs.committed(1, [put('log1', 30)]);
    // Each entry holds its key ('c', a separator, the ID) and its JSON.
    expect([cells.chars, logs.chars]).toEqual([2 * (7 + 30), 6 + 30]);

    logs.committed(2, [put('log2', 30), put('log3', 30)]);
    expect([cells.chars, logs.chars]).toEqual([37, 2 * 36]);
    const store = storeHolding({ cell1: { id: 'cell1' }, cell2: { id: 'cell2' }, log1: { id: 'log1' }, log2: { id: 'log2' }, log3: { id: 'log3' } });
    for (const id of ['cell1', 'cell2']) await new StagedUnitOfWork(store, cells).get('c', id);
    for (const id of ['log1', 'log2', 'log3']) await new StagedUnitOfWork(store, logs).get('c', id);
    // logs held the most: its oldest went; then the two held as much, and cells gave its oldest.
    expect(store.reads).toEqual(['cell1', 'log1']);
  });

  it('gives up the documents used least recently whatever their collection', async () => {
    const put = (collection: string, id: string) => ({ kind: 'put' as const, collection, document: { id }, json: JSON.stringify({ id }) });
    // Each entry holds its key (collection, a separator, the ID) and its JSON: 2 + 2 + 11 characters.
    const budget = new CommittedBudget(3 * 15);
    const documents = new CommittedDocuments(budget);
    documents.committed(1, [put('a', 'a1'), put('b', 'b1'), put('a', 'a2')]);
    expect(documents.lookup('a', 'a1')).toBe('{"id":"a1"}');
    documents.committed(2, [put('b', 'b2')]);
    // b1 was the oldest left once a1 was read again; then a2.
    expect(['a1', 'b1', 'a2', 'b2'].map((id) => documents.lookup(id[0]!, id) !== undefined)).toEqual([true, false, true, true]);
    documents.committed(3, [put('c', 'c1')]);
    expect(['a1', 'a2', 'b2', 'c1'].map((id) => documents.lookup(id[0]!, id) !== undefined)).toEqual([false, true, true, true]);
  });

  it('a commit far over the budget gives up as many of the oldest documents as it takes, and keeps the rest', async () => {
    const id = (n: number) => `log${String(n).padStart(2, '0')}`;
    const put = (n: number) => ({ kind: 'put' as const, collection: 'c', document: { id: id(n) }, json: JSON.stringify({ id: id(n) }) });
    // Each entry holds its key ('c', a separator, the ID) and its JSON: 7 + 14 characters.
    const logs = new CommittedDocuments(new CommittedBudget(10 * 21));
    logs.committed(1, Array.from({ length: 25 }, (_, n) => put(n)));
    expect(logs.chars).toBe(10 * 21);
    const kept = Array.from({ length: 25 }, (_, n) => logs.lookup('c', id(n)) !== undefined);
    expect(kept).toEqual(Array.from({ length: 25 }, (_, n) => n >= 15));
  });
});

