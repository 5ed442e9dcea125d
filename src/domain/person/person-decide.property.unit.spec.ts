import fc from 'fast-check';
import { defaultPolicy } from '../policy/jurisdiction-policy';
import { DomainError } from '../shared/domain-error';
import { certainlyBefore, earliestDay, latestCivilDateAt } from '../shared/partial-date';
import { anyEvent, day, eventId, id } from '../testing/person-arbitraries';
import { command, enrolment, NOW, recordedEvolve } from '../testing/person-fixtures';
import type { PersonCommand } from './person-commands';
import { decide } from './person-decide';
import { occurredOn, type PersonEvent } from './person-events';
import { isAmendment } from './person-facts';
import { initialState, stateOf, type PersonState } from './person-state';
import { assertKeepsRules, violationsOf } from './rules/keeps-rules';
import type { RuleContext } from './rules/rule';

const anyCommand: fc.Arbitrary<PersonCommand> = fc.oneof(
  day.map((d) => command('RegisterDeath', { dateOfDeath: d, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H' } })),
  day.map((d) => command('ChangeResidence', { area: 'LY-BA-03', date: d })),
  fc.tuple(id, day).map(([e, d]) => command('StartEmployment', { employmentId: e, employer: 'E', occupation: '2', sector: 'private', date: d })),
  fc.tuple(id, day).map(([e, d]) => command('EndEmployment', { employmentId: e, date: d, reason: 'r' })),
  fc.tuple(id, day, day).map(([c, d, e]) => command('IssueIdentityCard', { cardNumber: c, date: d, expiresOn: e, office: 'O' })),
  fc.tuple(id, day).map(([c, d]) => command('ReportIdentityCard', { cardNumber: c, reason: 'lost', date: d })),
  fc.tuple(eventId, fc.constantFrom('date', 'dateOfDeath', 'dateOfBirth', 'expiresOn'), day).map(([target, field, to]) =>
    command('CorrectRecord', { correctedEventId: target, changes: [{ field, to }], reason: 'r', authorityReference: 'a', documents: [], date: '2026-01-01' }),
  ),
  eventId.map((target) => command('AnnulRegistration', { annulledEventId: target, courtReference: 'c', reason: 'r', date: '2026-01-01' })),
);

/** What no accepted sequence may ever leave behind, whatever the order of commands. */
function assertSound(state: PersonState): void {
  if (state.status === 'unregistered') return;
  const counting = state.facts.filter((fact) => !fact.annulled);
  expect(counting.filter((fact) => fact.event.type === 'DeathRegistered')).toHaveLength(state.status === 'deceased' ? 1 : 0);
  for (const { event } of counting) {
    expect(earliestDay(occurredOn(event)) <= latestCivilDateAt(NOW)).toBe(true);
    if (isAmendment(event) || event.type === 'DeathRegistered') continue;
    if (state.status === 'deceased') expect(certainlyBefore(state.dateOfDeath, occurredOn(event))).toBe(false);
    if (event.type !== 'PersonEnrolled') expect(certainlyBefore(occurredOn(event), state.dateOfBirth)).toBe(false);
  }
  const validCards = (d: string) => state.cards.filter((c) => c.issuedOn <= d && d < c.expiresOn && !(c.reported && c.reported.date <= d));
  for (const card of state.cards) expect(validCards(card.issuedOn).length).toBeLessThanOrEqual(1);
}

describe('any sequence of commands on one person', () => {
  it('never yields two deaths, a fact after death or before birth, or two valid cards', () => {
    fc.assert(
      fc.property(fc.constantFrom('1975', '1975-06', '1975-06-15'), fc.array(anyCommand, { minLength: 8, maxLength: 20 }), (born, commands) => {
        let state = recordedEvolve(initialState, enrolment({ dateOfBirth: born }));
        for (const cmd of commands) {
          try {
            state = decide(cmd, state, defaultPolicy).reduce(recordedEvolve, state);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          assertSound(state);
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** The check as first written: every rule over both histories, each new violation against the old ones. */
function eagerBroken(state: PersonState, events: PersonEvent[], context: RuleContext): string | undefined {
  const after = stateOf([...state.log, ...events.map((event) => ({ eventId: '(this command)', recordedAt: '', event }))]);
  const keyOf = (v: { code: string; facts: string[] }) => `${v.code} ${v.facts.join(' ')}`;
  const known = new Set(violationsOf(state, context).map(keyOf));
  return violationsOf(after, context).find((v) => !known.has(keyOf(v)))?.code;
}

describe('assertKeepsRules reads the current history only when the new one breaks a rule', () => {
  it('refuses exactly what the eager check (both histories, always) refuses, legacy violations included', () => {
    const context: RuleContext = { policy: defaultPolicy, today: latestCivilDateAt(NOW), relatives: {}, spouseDeaths: {} };
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom('1975', '1975-06', '1975-06-15'), fc.array(anyEvent, { maxLength: 12 }), anyEvent, (born, history, next) => {
        const state = [enrolment({ dateOfBirth: born }), ...history].reduce(recordedEvolve, initialState);
        let fast: string | undefined;
        try {
          assertKeepsRules(state, [next], context);
        } catch (error) {
          fast = (error as DomainError).code;
        }
        if (fast) refused++;
        expect(fast).toBe(eagerBroken(state, [next], context));
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});
