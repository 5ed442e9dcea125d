import { command, enrolment, personSpec } from '../../testing/person-fixtures';
import type { DeathRegistered, PersonEvent } from '../person-events';

const spec = personSpec();
const enrolled = enrolment({ dateOfBirth: '1980-05-10' });
const death = (dateOfDeath: string): DeathRegistered => ({
  type: 'DeathRegistered',
  data: { dateOfDeath, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'BGH-1' } },
});
const residence = (date: string): PersonEvent => ({ type: 'ResidenceChanged', data: { area: 'LY-BA-03', date } });

describe('no fact in the future (FACT.IN_FUTURE)', () => {
  it('records a fact dated today', () =>
    spec.given([enrolled]).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2026-11-22' })).then([residence('2026-11-22')]));

  it('refuses a fact dated after today', () =>
    spec.given([enrolled]).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2026-12-01' })).thenThrows('FACT.IN_FUTURE', { kind: 'rule' }));

  it('refuses a birth in the future', () =>
    spec.given([]).when(command('EnrolPerson', enrolment({ dateOfBirth: '2027' }).data)).thenThrows('FACT.IN_FUTURE'));
});

describe('no fact before birth (FACT.BEFORE_BIRTH)', () => {
  it('refuses a fact dated before the birth', () =>
    spec.given([enrolled]).when(command('ChangeResidence', { area: 'LY-BA-03', date: '1980-05-09' })).thenThrows('FACT.BEFORE_BIRTH'));

  it('accepts a fact that may be after a birth known only to the year', () =>
    spec
      .given([enrolment({ dateOfBirth: '1980' })])
      .when(command('ChangeResidence', { area: 'LY-BA-03', date: '1980-01-01' }))
      .then([residence('1980-01-01')]));

  it('refuses a fact before the earliest possible birth day', () =>
    spec
      .given([enrolment({ dateOfBirth: '1980' })])
      .when(command('ChangeResidence', { area: 'LY-BA-03', date: '1979-12-31' }))
      .thenThrows('FACT.BEFORE_BIRTH'));
});

describe('death is recorded once (DEATH.ALREADY_RECORDED)', () => {
  it('records a death', () =>
    spec.given([enrolled]).when(command('RegisterDeath', death('2020-01-01').data)).then([death('2020-01-01')]));

  it('refuses a second death, whatever its date', () => {
    spec.given([enrolled, death('2020-01-01')]).when(command('RegisterDeath', death('2021-01-01').data)).thenThrows('DEATH.ALREADY_RECORDED');
    spec.given([enrolled, death('2020-01-01')]).when(command('RegisterDeath', death('2019-01-01').data)).thenThrows('DEATH.ALREADY_RECORDED');
  });
});

describe('after death only facts dated before it (FACT.AFTER_DEATH)', () => {
  const dead = [enrolled, death('2020-01-01')];

  it('refuses a fact dated after the death', () =>
    spec.given(dead).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2020-01-02' })).thenThrows('FACT.AFTER_DEATH'));

  it('records late a fact dated before the death, or on its day', () => {
    spec.given(dead).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2019-06-01' })).then([residence('2019-06-01')]);
    spec.given(dead).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2020-01-01' })).then([residence('2020-01-01')]);
  });

  it('still takes corrections and annulments', () => {
    const correction = command('CorrectRecord', {
      correctedEventId: 'e2',
      changes: [{ field: 'causeIcd10', to: 'I21.0' }],
      reason: 'autopsy',
      authorityReference: 'NR-1',
      documents: [],
      date: '2026-01-01',
    });
    spec.given(dead).when(correction).then([
      { type: 'RecordCorrected', data: { ...correction.data, changes: [{ field: 'causeIcd10', from: 'I21.9', to: 'I21.0' }] } },
    ]);
    const annulment = command('AnnulRegistration', { annulledEventId: 'e2', courtReference: 'C-1', reason: 'alive', date: '2026-01-01' });
    spec.given(dead).when(annulment).then([{ type: 'RegistrationAnnulled', data: annulment.data }]);
  });
});

describe('unknown person (PERSON.NOT_FOUND)', () => {
  it('refuses any fact about a person never registered', () =>
    spec.given([]).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2020-01-01' })).thenThrows('PERSON.NOT_FOUND', { kind: 'not-found' }));
});
