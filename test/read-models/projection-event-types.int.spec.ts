import { join } from 'path';
import { newEventId } from '../../src/event-store/event-id';
import type { NewEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ProjectionEngine, type RebuildProgress } from '../../src/read-models/engine/projection-engine';
import type { Projection } from '../../src/read-models/projection';
import { SqliteReadModelStore } from '../../src/read-models/sqlite/sqlite-read-model-store';
import { makeTempDir } from '../event-store/temp-dir';
import { eventTally } from './event-tally.projection';

jest.setTimeout(60_000);

/** One document per death: it declares the one type it reads. */
const deathTally: Projection = {
  name: 'death-tally',
  collections: [{ name: 'death-tally', indexes: [] }],
  eventTypes: ['Died'],
  async apply(events, unitOfWork) {
    for (const event of events) unitOfWork.put('death-tally', { id: event.id, type: event.type });
  },
};

const fact = (type: string): NewEvent => ({ id: newEventId(), type, data: {}, metadata: { schemaVersion: 1 } });

/**
 * A projection that declares the event types it reads is given only those, in a rebuild (which
 * reads only those from the log) and live alike, while its checkpoint passes over the others: it
 * reaches the log's head even when the log ends with facts it does not read.
 */
describe('a projection reading some event types', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let eventStore: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  let engine: ProjectionEngine;

  beforeEach(() => {
    dir = makeTempDir();
    eventStore = new SqliteEventStore(join(dir.path, 'events.sqlite'), { pollIntervalMs: 10 });
    readModels = new SqliteReadModelStore(join(dir.path, 'read-models'));
    engine = new ProjectionEngine({ eventStore, readModels, projections: [deathTally, eventTally], rebuildBatchSize: 3, retryMs: 10 });
  });
  afterEach(async () => {
    await engine.stop();
    await eventStore.close();
    await readModels.close();
    dir.remove();
  });

  const record = async (stream: string, types: string[]) =>
    (await eventStore.appendToStream(stream, types.map(fact), { expectedRevision: 'any' })).position;
  const tallied = async () => (await readModels.find<{ id: string; type: string }>('death-tally')).map((document) => document.type);

  it('is rebuilt from its types alone, alone or beside a projection reading all, its checkpoint at the head', async () => {
    await record('person-1', ['Born', 'Died', 'Born', 'Born', 'Died', 'Born', 'Born', 'Born', 'Married']);
    const head = await record('person-2', ['Born', 'Born', 'Born', 'Born', 'Married']);

    const progress: RebuildProgress[] = [];
    await engine.rebuild(['death-tally'], (p) => progress.push(p));
    expect(await tallied()).toEqual(['Died', 'Died']);
    expect(await readModels.checkpoint('death-tally')).toBe(head);
    expect(progress.slice(-1)[0]).toEqual({ projection: 'death-tally', position: head, head, events: 2 });

    await engine.rebuild();
    expect(await tallied()).toEqual(['Died', 'Died']);
    expect(await readModels.count('event-tally')).toBe(14);
    expect([await readModels.checkpoint('death-tally'), await readModels.checkpoint('event-tally')]).toEqual([head, head]);
  });

  it('is given its types alone live, and is caught up once the facts it does not read are passed over', async () => {
    await engine.start();
    await record('person-1', ['Born', 'Died']);
    await engine.waitFor(await record('person-2', ['Married']), { timeoutMs: 5_000 });
    const head = await record('person-3', ['Born', 'Died', 'Born']);
    await engine.waitFor(head, { timeoutMs: 5_000 });
    expect(await tallied()).toEqual(['Died', 'Died']);
    expect(await readModels.checkpoint('death-tally')).toBe(head);
  });
});
