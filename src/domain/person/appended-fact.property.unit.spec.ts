import fc from 'fast-check';
import { anyEvent, anyEventNaming, attributeEvent } from '../testing/person-arbitraries';
import { enrolment, NOW } from '../testing/person-fixtures';
import { appendedLast } from './appended-fact';
import { occurredOn, type PersonEvent, type RecordedPersonEvent } from './person-events';
import { evolve, initialState, stateOf, type PersonState } from './person-state';

const recorded = (log: RecordedPersonEvent[], event: PersonEvent): RecordedPersonEvent => ({ eventId: `e${log.length + 1}`, recordedAt: NOW, event });

/** Entries and their endings under one ID: second endings, endings before their entry. */
const entriesAndEndings = anyEventNaming(fc.constant('a')).filter((e) => /^(Marriage|Divorce|Employment|IdentityCard)/.test(e.type));

/** Histories in any order, and the same facts in date order: most appends of a real history come last. */
const history = fc.tuple(fc.array(fc.oneof(anyEvent, entriesAndEndings, attributeEvent), { maxLength: 16 }), fc.boolean()).map(([events, inDateOrder]) =>
  inDateOrder ? [...events].sort((a, b) => (occurredOn(a) < occurredOn(b) ? -1 : occurredOn(a) > occurredOn(b) ? 1 : 0)) : events,
);

describe('evolve folds a fact dated last onto the state instead of recomputing the stream', () => {
  it('leaves exactly the state the whole stream gives, attribute order included', () => {
    let folded = 0;
    fc.assert(
      fc.property(fc.constantFrom('1975', '1975-06', '1975-06-15'), history, (born, events) => {
        let state: PersonState = initialState;
        for (const event of [enrolment({ dateOfBirth: born }), ...events]) {
          const next = recorded(state.log, event);
          if (state.status !== 'unregistered' && appendedLast(state, next)) folded++;
          state = evolve(state, next);
          const whole = stateOf(state.log);
          expect(state).toStrictEqual(whole);
          expect(JSON.stringify(state)).toBe(JSON.stringify(whole));
        }
      }),
      { numRuns: 400 },
    );
    expect(folded).toBeGreaterThan(1000);
  });
});
