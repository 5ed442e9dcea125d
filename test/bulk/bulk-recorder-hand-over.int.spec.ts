import { join } from 'path';
import { BulkRecorder } from '../../src/bulk/bulk-recorder';
import type { BulkCommand } from '../../src/bulk/bulk-commands';
import { defaultPolicy } from '../../src/domain/policy/jurisdiction-policy';
import type { AppendOptions, StreamWrite } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { Gazetteer } from '../../src/gazetteer/gazetteer';
import { makeTempDir } from '../event-store/temp-dir';
import { enrolmentBody } from '../support/people';

/**
 * A batch decided while the one before commits goes to the store at once, to be recorded after
 * it, so the store's writer has it when that commit ends; with caller writes too.
 */
describe('BulkRecorder handing a batch over while the one before commits', () => {
  const agency = { registrar: 'bulk', office: 'LY-BA-03-OFF1', officeArea: 'LY-BA-03' };
  const enrolments = (count: number): BulkCommand[] =>
    Array.from({ length: count }, () => {
      const body = enrolmentBody({ placeOfBirth: 'LY-BA-03' });
      return { type: 'EnrolPerson', data: { ...body.person, source: body.source } } as BulkCommand;
    });
  let dir: ReturnType<typeof makeTempDir>;
  let store: SqliteEventStore;
  /** Each append the recorder handed over, and whether the one before it had settled by then. */
  let appends: { after: Promise<unknown> | undefined; earlierSettled: boolean; append: Promise<unknown>; settled: boolean }[];

  beforeEach(() => {
    dir = makeTempDir();
    store = new SqliteEventStore(join(dir.path, 'events.db'));
    appends = [];
    const appendToStreams = store.appendToStreams.bind(store);
    jest.spyOn(store, 'appendToStreams').mockImplementation((writes: StreamWrite[], options?: AppendOptions) => {
      const entry = { after: options?.after, earlierSettled: appends[appends.length - 1]?.settled ?? true, append: appendToStreams(writes, options), settled: false };
      entry.append.then(
        () => (entry.settled = true),
        () => (entry.settled = true),
      );
      appends.push(entry);
      return entry.append as Promise<never>;
    });
  });

  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it('hands the next batch to the store after the append of the one before, before that one commits', async () => {
    const recorder = new BulkRecorder(store, Gazetteer.load(), defaultPolicy);
    const first = recorder.record(enrolments(3), { agency });
    const second = recorder.record(enrolments(2), { agency });
    const results = [...(await first), ...(await second)];
    expect(results.map((result) => result.status)).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'recorded']);
    expect(appends[1]!.after).toBe(appends[0]!.append);
    expect(appends[1]!.earlierSettled).toBe(false);
    expect((await store.readAll()).map((event) => event.type)).toEqual(Array(5).fill('PersonEnrolled'));
  });

  it('with caller writes too, hands the next batch over after the one before, before that one commits', async () => {
    const recorder = new BulkRecorder(store, Gazetteer.load(), defaultPolicy);
    let progress = 0;
    const alsoAppend = (): StreamWrite[] => [
      { streamId: '$progress', expectedRevision: progress++ === 0 ? 'no_stream' : progress - 2, events: [{ id: crypto.randomUUID(), type: 'Progress', data: {}, metadata: { schemaVersion: 1 } }] },
    ];
    const first = recorder.record(enrolments(3), { agency, alsoAppend });
    const second = recorder.record(enrolments(2), { agency, alsoAppend });
    await Promise.all([first, second]);
    expect(appends[1]!.after).toBe(appends[0]!.append);
    expect(appends[1]!.earlierSettled).toBe(false);
    expect((await store.readStream('$progress')).length).toBe(2);
  });
});
