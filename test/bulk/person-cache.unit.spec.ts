import fc from 'fast-check';
import { PersonCache, type CachedPerson } from '../../src/bulk/person-cache';
import type { PersonEvent } from '../../src/domain/person/person-events';
import { initialState, stateOf, type PersonState } from '../../src/domain/person/person-state';
import { anyEvent, attributeEvent } from '../../src/domain/testing/person-arbitraries';
import { enrolment, recordedEvolve } from '../../src/domain/testing/person-fixtures';

const evolved = (state: PersonState, events: PersonEvent[]): PersonState => events.reduce(recordedEvolve, state);

const cached = (state: PersonState, keys: string[]): CachedPerson => ({ state, log: state.log, revision: state.log.length - 1, keys });

/** What a read of the stream from the store gives: the events' data through JSON, folded again. */
const asStored = (state: PersonState): PersonState => stateOf(JSON.parse(JSON.stringify(state.log)));

/** Arabic names: packed as UTF-8, where two-byte strings and byte offsets could go wrong. */
const arabic = enrolment();

describe('PersonCache', () => {
  it('packs the persons it evicts from the live ones; one read back is the state the store would give, and packed again after new facts it is still', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyEvent, attributeEvent), { maxLength: 8 }), fc.array(fc.oneof(anyEvent, attributeEvent), { maxLength: 8 }), (first, later) => {
        const cache = new PersonCache(1, 1e9);
        const state = evolved(initialState, [arabic, ...first]);
        cache.set('a', cached(state, ['k1']));
        cache.set('b', cached(evolved(initialState, [enrolment()]), []));
        const back = cache.get('a')!;
        expect(back.state).toStrictEqual(asStored(state));
        expect(JSON.stringify(back.state)).toBe(JSON.stringify(asStored(state)));
        expect([back.revision, back.keys]).toEqual([state.log.length - 1, ['k1']]);

        // A batch records more facts (each with its key) or only reads the person, and commits:
        // packed again at once, only the new events' rows are added; b stays live.
        const next = evolved(back.state, later);
        const keys = [...back.keys, ...later.map((_, i) => `k${i + 2}`)];
        cache.set('a', { ...cached(next, keys), packed: back.packed });
        cache.get('b');
        const again = cache.get('a')!;
        expect(JSON.stringify(again.state)).toBe(JSON.stringify(asStored(next)));
        expect(again.state).toStrictEqual(asStored(next));
        expect([again.revision, again.keys]).toEqual([next.log.length - 1, keys]);
        expect([cache.hits, cache.misses, cache.unpacked]).toEqual([3, 0, 2]);
      }),
      { numRuns: 200 },
    );
  });

  it('packs the live person used least recently, a read counting as a use, and a person read back packed again once committed', () => {
    const person = cached(evolved(initialState, [arabic]), []);
    const cache = new PersonCache(2, 1e9);
    cache.set('a', person);
    cache.set('b', person);
    cache.get('a');
    cache.set('c', person);
    expect([cache.get('a'), cache.get('c'), cache.unpacked]).toEqual([person, person, 0]);
    expect(cache.get('b')?.revision).toBe(0);
    expect(cache.unpacked).toBe(1);
    // Read back and committed again, b goes back packed: a and c stay live.
    const back = cache.get('b')!;
    cache.set('b', back);
    expect([cache.get('a'), cache.get('c'), cache.unpacked, cache.size]).toEqual([person, person, 2, 3]);
  });

  it('drops the persons packed longest ago beyond its byte budget', () => {
    const person = cached(evolved(initialState, [arabic]), ['k']);
    const measure = new PersonCache(1, 1e9);
    measure.set('a', person);
    measure.set('b', person);
    const cache = new PersonCache(1, measure.packedSize * 1.5);
    for (const id of ['a', 'b', 'c']) cache.set(id, person);
    expect([cache.get('a'), cache.get('b')?.revision, cache.get('c')?.revision]).toEqual([undefined, 0, 0]);
  });

  it('keeps live persons only with no byte budget, nothing with no live limit, and forgets everything on clear', () => {
    const person = cached(evolved(initialState, [arabic]), []);
    const liveOnly = new PersonCache(1, 0);
    liveOnly.set('a', person);
    liveOnly.set('b', person);
    expect([liveOnly.get('a'), liveOnly.get('b')]).toEqual([undefined, person]);

    const off = new PersonCache(0, 1e9);
    off.set('a', person);
    expect([off.get('a'), off.size]).toEqual([undefined, 0]);

    const cache = new PersonCache(1, 1e9);
    cache.set('a', person);
    cache.set('b', person);
    expect(cache.size).toBe(2);
    cache.clear();
    expect([cache.get('a'), cache.get('b'), cache.size, cache.packedSize]).toEqual([undefined, undefined, 0, 0]);
  });
});
