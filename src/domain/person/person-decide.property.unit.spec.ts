import fc from 'fast-check';
import { defaultPolicy } from '../policy/jurisdiction-policy';
import { DomainError } from '../shared/domain-error';
import { certainlyBefore, earliestDay, latestCivilDateAt } from '../shared/partial-date';
import { command, enrolment, NOW, recordedEvolve } from '../testing/person-fixtures';
import type { PersonCommand } from './person-commands';
import { decide } from './person-decide';
import { occurredOn } from './person-events';
import { isAmendment } from './person-facts';
import { initialState, type PersonState } from './person-state';

const day = fc
  .date({ min: new Date('1975-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const eventId = fc.integer({ min: 1, max: 8 }).map((n) => `e${n}`);
const id = fc.constantFrom('a', 'b', 'c');

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
