import { enrolment, nid, personOf } from '../testing/person-fixtures';
import type { PersonEvent } from './person-events';
import { counterpartFact, currentMarriages, kinOf, marriageById, parentIds, validCardOn } from './person-queries';
import { initialState, stateOf } from './person-state';

const enrolled = enrolment({ nationalId: nid(1), motherId: nid(7), fatherId: nid(8), dateOfBirth: '1980' });
const event = <E extends PersonEvent>(e: E) => e;
const residence = (area: string, date: string) => event({ type: 'ResidenceChanged', data: { area, date } });
const marriage = event({ type: 'MarriageRegistered', data: { marriageId: 'm-1', spouseId: nid(2), date: '2005-01-01', place: 'LY-BA-03', contractReference: 'C-1' } });
const divorce = event({ type: 'DivorceRegistered', data: { marriageId: 'm-1', spouseId: nid(2), date: '2010-01-01', courtReference: 'D-1' } });
const death = event({ type: 'DeathRegistered', data: { dateOfDeath: '2020-01-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital' as const, reference: 'H' } } });
const correction = (correctedEventId: string, field: string, from: unknown, to: unknown) =>
  event({ type: 'RecordCorrected', data: { correctedEventId, changes: [{ field, from, to }], reason: 'r', authorityReference: 'a', documents: [], date: '2026-01-01' } });
const annulment = (annulledEventId: string) => event({ type: 'RegistrationAnnulled', data: { annulledEventId, courtReference: 'c', reason: 'r', date: '2026-01-01' } });

describe('person state', () => {
  it('starts unregistered', () => expect(initialState).toEqual({ status: 'unregistered', log: [], facts: [] }));

  it('takes identity from the registration and keeps the facts with their event IDs', () => {
    const person = personOf(enrolled);
    expect(person).toMatchObject({ status: 'alive', nationalId: nid(1), sex: 'F', dateOfBirth: '1980', nationalities: ['LY'], registrationEventId: 'e1' });
    expect(person.facts.map((f) => f.eventId)).toEqual(['e1']);
    expect(parentIds(person)).toEqual([nid(7), nid(8)]);
  });

  it('orders facts by civil date: a residence recorded late does not replace a later one', () => {
    expect(personOf(enrolled, residence('LY-BA-03', '2015-01-01'), residence('LY-BA-01', '2001-01-01')).residence).toBe('LY-BA-03');
  });

  it('applies corrections to the named fact and recomputes from it', () => {
    const person = personOf(enrolled, death, correction('e2', 'dateOfDeath', '2020-01-01', '2019-05-05'));
    expect(person).toMatchObject({ status: 'deceased', dateOfDeath: '2019-05-05', deathEventId: 'e2' });
    expect(person.facts[1]).toMatchObject({ eventId: 'e2', correctedBy: ['e3'], annulled: false });
  });

  it('stops counting an annulled fact, and an annulled correction stops applying', () => {
    expect(personOf(enrolled, death, annulment('e2')).status).toBe('alive');
    const person = personOf(enrolled, residence('LY-BA-03', '2015-01-01'), correction('e2', 'area', 'LY-BA-03', 'LY-BA-01'), annulment('e3'));
    expect(person.residence).toBe('LY-BA-03');
    expect(person.facts[2]!.annulled).toBe(true);
  });

  it('is unregistered again when the registration is annulled, keeping the ID and history', () => {
    const state = stateOf([
      { eventId: 'e1', recordedAt: 't', event: enrolled },
      { eventId: 'e2', recordedAt: 't', event: annulment('e1') },
    ]);
    expect(state).toMatchObject({ status: 'unregistered', nationalId: nid(1) });
    expect(state.facts).toHaveLength(2);
  });

  it('tracks marriages, divorces and current marriages', () => {
    const person = personOf(enrolled, marriage, divorce);
    expect(marriageById(person, 'm-1')).toMatchObject({ spouseId: nid(2), divorce: { date: '2010-01-01', eventId: 'e3' } });
    expect(currentMarriages(person, '2009-12-31')).toHaveLength(1);
    expect(currentMarriages(person, '2010-01-01')).toHaveLength(0);
    expect(currentMarriages(personOf(enrolled, marriage), '2009-01-01', { [nid(2)]: '2008-01-01' })).toHaveLength(0);
  });

  it('finds the counterpart of a marriage fact in the spouse’s stream', () => {
    const spouse = personOf(enrolment({ nationalId: nid(2), sex: 'M' }), { ...marriage, data: { ...marriage.data, spouseId: nid(1) } });
    expect(counterpartFact(personOf(enrolled, marriage).facts[1]!, spouse)?.eventId).toBe('e2');
    expect(counterpartFact(personOf(enrolled).facts[0]!, spouse)).toBeUndefined();
  });

  it('builds the Kin of a marriage command from loaded states', () => {
    const mother = personOf(enrolment({ nationalId: nid(7), motherId: nid(70) }));
    const spouse = personOf(enrolment({ nationalId: nid(2), sex: 'M' }), { ...death, data: { ...death.data, dateOfDeath: '2012-02-02' } });
    expect(kinOf(personOf(enrolled), [mother], [spouse])).toEqual({ parents: [nid(7), nid(8)], grandparents: [nid(70)], spouseDeaths: { [nid(2)]: '2012-02-02' } });
  });

  it('tracks employments, cards, education, nationality and emigration', () => {
    const person = personOf(
      enrolled,
      { type: 'EmploymentStarted', data: { employmentId: 'j', employer: 'E', occupation: '2', sector: 'private', date: '2001-01-01' } },
      { type: 'EmploymentEnded', data: { employmentId: 'j', date: '2002-01-01', reason: 'r' } },
      { type: 'IdentityCardIssued', data: { cardNumber: 'C1', date: '2015-01-01', expiresOn: '2025-01-01', office: 'O' } },
      { type: 'EducationRecorded', data: { level: 6, institution: 'U', status: 'completed', date: '2003-06-01' } },
      { type: 'NationalityGranted', data: { nationality: 'TN', decisionReference: 'd', date: '2004-01-01' } },
      { type: 'Emigrated', data: { country: 'TN', date: '2006-01-01' } },
    );
    expect(person.employments[0]).toMatchObject({ employmentId: 'j', ended: { date: '2002-01-01' } });
    expect(validCardOn(person, '2020-01-01')?.cardNumber).toBe('C1');
    expect(validCardOn(person, '2025-01-01')).toBeUndefined();
    expect(person.education[0]).toMatchObject({ level: 6, eventId: 'e5' });
    expect(person.nationalities).toEqual(['LY', 'TN']);
    expect(person.emigration).toEqual({ country: 'TN', date: '2006-01-01' });
  });
});
