import { join } from 'path';
import { newEventId } from '../../src/event-store/event-id';
import { NewEvent } from '../../src/event-store/event-store.port';
import { TransactionalEventStore } from '../../src/event-store/multi-stream-transaction/transactional-event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProcessDied, dyingAfter, singleStreamOnly } from './single-stream-logs';
import { makeTempDir } from './temp-dir';

/** What the decorator promises beyond the shared contract. */
describe('TransactionalEventStore', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let log: ReturnType<typeof singleStreamOnly>;
  let store: TransactionalEventStore;

  beforeEach(() => {
    dir = makeTempDir();
    log = singleStreamOnly(new SqliteEventStore(join(dir.path, 'events.db')));
    store = new TransactionalEventStore(log);
  });

  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  const marriage = (): NewEvent[] => [fact(), fact()];
  const marry = (events: NewEvent[], on: TransactionalEventStore = store) =>
    on.appendToStreams([
      { streamId: 'groom', expectedRevision: 'no_stream', events: [events[0]] },
      { streamId: 'bride', expectedRevision: 'no_stream', events: [events[1]] },
    ]);

  it('reports for each write the revision and position readers see', async () => {
    const results = await marry(marriage());
    const [groom] = await store.readStream('groom');
    const [bride] = await store.readStream('bride');
    expect(results).toEqual([
      { nextRevision: 0, position: groom.position },
      { nextRevision: 0, position: bride.position },
    ]);
    expect((await store.readAll()).map((e) => e.position)).toEqual([groom.position, bride.position]);
  });

  it('recognises a retried multi-stream append and records it once', async () => {
    const events = marriage();
    const first = await marry(events);
    expect(await marry(events)).toEqual(first);
    expect((await store.readAll()).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('fills a page of readStream and readAll past hidden events', async () => {
    await expect(marry(marriage(), new TransactionalEventStore(dyingAfter(log, 3)))).rejects.toBeInstanceOf(ProcessDied);
    const later = [fact(), fact()];
    await store.appendToStream('groom', later, { expectedRevision: 'any' });
    expect((await store.readStream('groom', { maxCount: 2 })).map((e) => e.id)).toEqual(later.map((e) => e.id));
    expect((await store.readAll({ maxCount: 2 })).map((e) => e.id)).toEqual(later.map((e) => e.id));
  });

  it('refuses appends to its own bookkeeping streams', async () => {
    await expect(store.appendToStream('_tx-journal', [fact()], { expectedRevision: 'any' })).rejects.toThrow(
      /reserved/,
    );
  });
});

const fact = (): NewEvent => ({
  id: newEventId(),
  type: 'MarriageRegistered',
  data: {},
  metadata: { schemaVersion: 1 },
});
