import Database from 'better-sqlite3';
import { join } from 'path';
import { newEventId } from '../../src/event-store/event-id';
import { DuplicateEventId, NewEvent, WrongExpectedRevision } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { makeTempDir } from './temp-dir';

/** What the SQLite store promises beyond the shared contract. */
describe('SqliteEventStore', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir.path, 'events.db');
    store = new SqliteEventStore(file, { pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('commits appends made in the same turn as one batch, failing only the refused one', async () => {
    const outcomes = await Promise.allSettled([
      store.appendToStream('person-a', [birth()], { expectedRevision: 'no_stream' }),
      store.appendToStream('person-b', [birth()], { expectedRevision: 3 }),
      store.appendToStreams([
        { streamId: 'person-c', expectedRevision: 'no_stream', events: [birth()] },
        { streamId: 'person-a', expectedRevision: 0, events: [birth()] },
      ]),
      store.appendToStream('person-a', [birth()], { expectedRevision: 1 }),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    const log = await store.readAll();
    expect(log.map((e) => [e.streamId, e.revision])).toEqual([
      ['person-a', 0],
      ['person-c', 0],
      ['person-a', 1],
      ['person-a', 2],
    ]);
    expect(new Set(log.map((e) => e.recordedAt)).size).toBe(1);
  });

  it('fails alone an append whose event cannot be written as JSON, and keeps texts exactly as given', async () => {
    const text = { name: 'عبد الله بن عمر ﷲ 𝔘', quote: '"\\\n\u0000', nested: { list: [1, 2.5, null, true] } };
    const outcomes = await Promise.allSettled([
      store.appendToStream('person-a', [{ ...birth(), data: text }], { expectedRevision: 'no_stream' }),
      store.appendToStream('person-b', [{ ...birth(), data: { big: BigInt(1) } }], { expectedRevision: 'no_stream' }),
      store.appendToStream('person-c', [birth(), { ...birth(), metadata: { schemaVersion: 2, note: 'é' } }], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const log = await store.readAll();
    expect(log.map((e) => e.streamId)).toEqual(['person-a', 'person-c', 'person-c']);
    expect(log[0]!.data).toEqual(text);
    expect(log[2]!.metadata).toEqual({ schemaVersion: 2, note: 'é' });
  });

  it('hands each event read with the JSON text the log holds for its data', async () => {
    const data = { name: 'عبد الله', nested: { list: [1, 2.5, null, true] }, dropped: undefined };
    await store.appendToStream('person-a', [{ ...birth(), data }, birth()], { expectedRevision: 'no_stream' });
    const stored = new Database(file, { readonly: true });
    const texts = (stored.prepare(`SELECT data FROM events WHERE stream_id = 'person-a' ORDER BY revision`).all() as Array<{ data: string }>).map(
      (row) => row.data,
    );
    stored.close();
    for (const events of [await store.readAll(), await store.readStream('person-a'), (await store.readStream('person-a', { direction: 'backwards' })).reverse()]) {
      expect(events.map((e) => e.dataJson)).toEqual(texts);
      for (const event of events) expect(JSON.parse(event.dataJson!)).toEqual(event.data);
    }
  });

  it('records many new streams of one append in multi-row inserts, each with its own position', async () => {
    const writes = Array.from({ length: 75 }, (_, i) => ({
      streamId: `person-n${i}`,
      expectedRevision: 'no_stream' as const,
      events: Array.from({ length: 1 + (i % 3) }, birth),
    }));
    const results = await store.appendToStreams(writes);
    const log = await store.readAll();
    expect(log.map((e) => e.id)).toEqual(writes.flatMap((w) => w.events.map((e) => e.id)));
    writes.forEach((write, i) => {
      const last = log.filter((e) => e.streamId === write.streamId).at(-1)!;
      expect(results[i]).toEqual({ nextRevision: write.events.length - 1, position: last.position });
      expect(last.revision).toBe(write.events.length - 1);
    });
  });

  it('refuses the whole append when one of its new streams exists, or repeats a stream or an event ID', async () => {
    const taken = birth();
    await store.appendToStream('person-n7', [taken], { expectedRevision: 'no_stream' });
    const fresh = (n: number) => Array.from({ length: 20 }, (_, i) => ({ streamId: `person-m${n}-${i}`, expectedRevision: 'no_stream' as const, events: [birth()] }));
    const exists = [...fresh(1), { streamId: 'person-n7', expectedRevision: 'no_stream' as const, events: [birth()] }, ...fresh(2)];
    await expect(store.appendToStreams(exists)).rejects.toBeInstanceOf(WrongExpectedRevision);
    const twice = [...fresh(3), { streamId: 'person-m3-4', expectedRevision: 'no_stream' as const, events: [birth()] }];
    await expect(store.appendToStreams(twice)).rejects.toBeInstanceOf(WrongExpectedRevision);
    const duplicate = [...fresh(4), { streamId: 'person-x', expectedRevision: 'no_stream' as const, events: [{ ...birth(), id: taken.id }] }];
    await expect(store.appendToStreams(duplicate)).rejects.toBeInstanceOf(DuplicateEventId);
    expect((await store.readAll()).map((e) => e.id)).toEqual([taken.id]);
    // A retry of an append already recorded answers its original result, as for a single stream.
    const retried = fresh(5);
    const first = await store.appendToStreams(retried);
    await expect(store.appendToStreams(retried)).resolves.toEqual(first);
    expect(await store.readAll()).toHaveLength(21);
  });

  it('refuses an event ID already recorded in another stream', async () => {
    const event = birth();
    await store.appendToStream('person-a', [event], { expectedRevision: 'any' });
    await expect(
      store.appendToStream('person-b', [birth(), event], { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(DuplicateEventId);
    expect(await store.readStream('person-b')).toEqual([]);
  });

  it('refuses events already recorded at another place in the same stream', async () => {
    const event = birth();
    await store.appendToStream('person-a', [event, birth()], { expectedRevision: 'no_stream' });
    await expect(
      store.appendToStream('person-a', [event], { expectedRevision: 1 }),
    ).rejects.toBeInstanceOf(DuplicateEventId);
  });

  it('delivers to a subscriber the events another connection appends to the file', async () => {
    const other = new SqliteEventStore(file);
    const received: string[] = [];
    const subscription = store.subscribeToAll({ onEvents: (events) => void received.push(...events.map((e) => e.id)) });
    const event = birth();
    await other.appendToStream('person-a', [event], { expectedRevision: 'no_stream' });
    await other.close();
    await waitUntil(() => received.length === 1);
    await subscription.stop();
    expect(received).toEqual([event.id]);
  });

  it('commits the appends still queued when it closes', async () => {
    const append = store.appendToStream('person-a', [birth()], { expectedRevision: 'no_stream' });
    await store.close();
    await expect(append).resolves.toEqual({ nextRevision: 0, position: 1 });
    store = new SqliteEventStore(file);
    expect(await store.readStream('person-a')).toHaveLength(1);
  });
});

const birth = (): NewEvent => ({
  id: newEventId(),
  type: 'PersonBorn',
  data: { sex: 'M' },
  metadata: { schemaVersion: 1 },
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > 3_000) throw new Error('condition not met in 3 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
