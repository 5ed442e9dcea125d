import { BatchPersons } from '../../src/bulk/batch-persons';
import { PersonCache } from '../../src/bulk/person-cache';
import { initialState, stateOf } from '../../src/domain/person/person-state';
import { enrolment, nid, recordedEvolve } from '../../src/domain/testing/person-fixtures';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/event-store/event-store.port';
import { personStreamId } from '../../src/ledger/person-stream';

/** A log whose stream reads answer on a later turn of the event loop, as a store read may. */
function storeReading(reads: string[]): EventStore {
  const readStream = async (streamId: string): Promise<RecordedEvent[]> => {
    reads.push(streamId);
    await new Promise((resolve) => setImmediate(resolve));
    return [];
  };
  return { readStream } as unknown as EventStore;
}

const stamped = (id: string): NewEvent => ({ id, type: 'PersonEnrolled', data: {}, metadata: { schemaVersion: 1 } });

describe('BatchPersons', () => {
  it('writes the persons in the order decisions first named them, whether the cache held them or the store was read', async () => {
    const [fromStore, cached] = [nid(1), nid(2)];
    const cache = new PersonCache(10, 0);
    const state = recordedEvolve(initialState, enrolment({ nationalId: cached }));
    cache.set(cached, { state, log: state.log, revision: 0, keys: [] });
    const reads: string[] = [];
    const batch = new BatchPersons(storeReading(reads), false, cache);

    // Named in this order by one decision, as a spouse's kin are loaded together.
    await Promise.all([batch.load(fromStore), batch.load(cached), batch.load(fromStore)]);
    batch.apply(fromStore, [enrolment({ nationalId: fromStore })], [stamped('e1')], '2020-01-01T00:00:00.000Z');
    batch.apply(cached, [enrolment({ nationalId: cached })], [stamped('e2')], '2020-01-01T00:00:00.000Z');

    expect(batch.takeWrites().map((write) => write.streamId)).toEqual([personStreamId(fromStore), personStreamId(cached)]);
    // The second load of the same person waited for the first read.
    expect(reads).toEqual([personStreamId(fromStore)]);
  });

  it('hands its events over with its writes, once, and still leaves each person at the revision they make', async () => {
    const [known, drawn] = [nid(4), nid(5)];
    const cache = new PersonCache(10, 0);
    const state = recordedEvolve(initialState, enrolment({ nationalId: known }));
    cache.set(known, { state, log: state.log, revision: 3, keys: [] });
    const batch = new BatchPersons(storeReading([]), true, cache);
    batch.load(known);
    batch.load(drawn, true);
    batch.apply(known, [enrolment({ nationalId: known }), enrolment({ nationalId: known })], [stamped('e1'), stamped('e2')], '2020-01-01T00:00:00.000Z');
    batch.apply(drawn, [enrolment({ nationalId: drawn })], [stamped('e3')], '2020-01-01T00:00:00.000Z');
    batch.endDecisions();

    expect(batch.takeWrites().map((write) => write.events.map((event) => event.id))).toEqual([['e1', 'e2'], ['e3']]);
    // The batch keeps no event once its writes went to the store.
    expect(batch.takeWrites()).toEqual([]);
    batch.commitTo(cache);
    expect([cache.get(known)!.revision, cache.get(drawn)!.revision]).toEqual([5, 0]);
  });

  it('knows the keys decided for a person, one or more, and leaves them to the batch after and the cache', async () => {
    const drawn = nid(6);
    const cache = new PersonCache(10, 0);
    const keyed = (id: string, key: string): NewEvent => ({ ...stamped(id), metadata: { schemaVersion: 1, idempotencyKey: key } });
    const batch = new BatchPersons(storeReading([]), true, cache);
    batch.load(drawn, true);
    expect(batch.hasKey(drawn, 'k1')).toBe(false);
    batch.apply(drawn, [enrolment({ nationalId: drawn })], [keyed('e1', 'k1')], '2020-01-01T00:00:00.000Z');
    expect([batch.hasKey(drawn, 'k1'), batch.hasKey(drawn, 'k2'), batch.hasKey(drawn, undefined)]).toEqual([true, false, false]);
    batch.endDecisions();

    const after = new BatchPersons(storeReading([]), true, cache, batch);
    after.load(drawn);
    expect(after.hasKey(drawn, 'k1')).toBe(true);
    after.apply(drawn, [enrolment({ nationalId: drawn })], [keyed('e2', 'k2')], '2020-01-01T00:00:00.000Z');
    expect([after.hasKey(drawn, 'k1'), after.hasKey(drawn, 'k2')]).toEqual([true, true]);
    after.endDecisions();
    batch.commitTo(cache);
    expect(cache.get(drawn)!.keys).toEqual(['k1']);
    after.commitTo(cache);
    expect([cache.get(drawn)!.revision, cache.get(drawn)!.keys]).toEqual([1, ['k1', 'k2']]);
  });

  it('leaves a new person to the batch after and to the cache as one state, folded once from its one fact', async () => {
    const drawn = nid(3);
    const cache = new PersonCache(10, 0);
    const batch = new BatchPersons(storeReading([]), true, cache);
    await batch.load(drawn, true);
    const enrolled = enrolment({ nationalId: drawn });
    batch.apply(drawn, [enrolled], [{ ...stamped('e1'), metadata: { schemaVersion: 1, idempotencyKey: 'k1' } }], '2020-01-01T00:00:00.000Z');
    batch.endDecisions();

    // The next batch is decided while this one commits: it reads the person as this one leaves it.
    const after = new BatchPersons(storeReading([]), true, cache, batch);
    const read = await after.stateOf(drawn);
    batch.commitTo(cache);

    expect(read).toStrictEqual(stateOf([{ eventId: 'e1', recordedAt: '2020-01-01T00:00:00.000Z', event: enrolled }]));
    expect(cache.get(drawn)!.state).toBe(read);
    expect([cache.get(drawn)!.revision, cache.get(drawn)!.keys]).toEqual([0, ['k1']]);
  });
});
