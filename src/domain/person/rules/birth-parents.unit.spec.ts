import { command, enrolment, nid, personOf, personSpec } from '../../testing/person-fixtures';
import type { RegisterBirth } from '../person-commands';
import type { BirthRegistered, PersonEvent } from '../person-events';

const spec = personSpec();
const MOTHER = nid(10);
const FATHER = nid(11);
const CHILD = nid(12);
const death = (dateOfDeath: string): PersonEvent => ({
  type: 'DeathRegistered',
  data: { dateOfDeath, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'BGH-1' } },
});
const mother = (dateOfBirth = '1990-01-01', ...later: PersonEvent[]) =>
  personOf(enrolment({ nationalId: MOTHER, sex: 'F', dateOfBirth, nationality: 'TN' }), ...later);
const father = (...later: PersonEvent[]) =>
  personOf(enrolment({ nationalId: FATHER, sex: 'M', dateOfBirth: '1985', nationality: 'LY', name: { given: 'علي', father: 'حسن', grandfather: 'سالم', family: 'الورفلي' } }), ...later);

function birth(overrides: Partial<RegisterBirth['data']> = {}): RegisterBirth {
  return command('RegisterBirth', {
    nationalId: CHILD,
    name: { given: 'مريم', father: 'علي', grandfather: 'حسن', family: 'الورفلي' },
    sex: 'F',
    dateOfBirth: '2026-11-20',
    placeOfBirth: 'LY-BA-03',
    motherId: MOTHER,
    mother: mother(),
    plurality: 1,
    ...overrides,
  });
}

/** The mother fixtures are all enrolled under the default name of `enrolment()`. */
const MOTHER_NAME = { given: 'فاطمة', father: 'محمد', grandfather: 'سالم', family: 'العبيدي' };

function registered(cmd: RegisterBirth, nationality: string): BirthRegistered {
  const { mother: _mother, father: _father, ...data } = cmd.data;
  return { type: 'BirthRegistered', data: { ...data, nationality, motherName: MOTHER_NAME } };
}

describe('birth: the mother', () => {
  it('registers the birth with the mother’s name and, with no father, her nationality', () => {
    const cmd = birth();
    spec.given([]).when(cmd).then([registered(cmd, 'TN')]);
  });

  it('takes the father’s nationality when a father is given', () => {
    const cmd = birth({ fatherId: FATHER, father: father() });
    spec.given([]).when(cmd).then([registered(cmd, 'LY')]);
  });

  it('must exist (PERSON.NOT_FOUND)', () =>
    spec.given([]).when(birth({ mother: { status: 'unregistered', log: [], facts: [] } })).thenThrows('PERSON.NOT_FOUND', { details: { role: 'mother' } }));

  it('must be female (BIRTH.MOTHER_NOT_FEMALE)', () =>
    spec.given([]).when(birth({ mother: personOf(enrolment({ nationalId: MOTHER, sex: 'M' })) })).thenThrows('BIRTH.MOTHER_NOT_FEMALE'));

  it('must be alive on the birth date (BIRTH.MOTHER_DECEASED)', () => {
    spec.given([]).when(birth({ mother: mother('1990-01-01', death('2026-11-19')) })).thenThrows('BIRTH.MOTHER_DECEASED');
    const cmd = birth({ mother: mother('1990-01-01', death('2026-11-20')) });
    spec.given([]).when(cmd).then([registered(cmd, 'TN')]);
  });

  it.each([
    ['2016-11-21', 'refuses', 'just under 10'],
    ['2016-11-20', 'accepts', 'exactly 10'],
    ['1961-11-20', 'accepts', 'exactly 65'],
    ['1960-11-20', 'refuses', '66'],
    ['1960', 'accepts', 'born in 1960: 65 or 66'],
    ['2016', 'accepts', 'born in 2016: 9 or 10'],
    ['2017', 'refuses', 'born in 2017: at most 9'],
  ])('born %s: %s (%s) — BIRTH.MOTHER_AGE', (dateOfBirth, verdict) => {
    const cmd = birth({ mother: mother(dateOfBirth) });
    if (verdict === 'accepts') spec.given([]).when(cmd).then([registered(cmd, 'TN')]);
    else spec.given([]).when(cmd).thenThrows('BIRTH.MOTHER_AGE');
  });
});

describe('birth: the father', () => {
  it('must exist when given (PERSON.NOT_FOUND)', () =>
    spec.given([]).when(birth({ fatherId: FATHER })).thenThrows('PERSON.NOT_FOUND', { details: { role: 'father' } }));

  it('must be male (BIRTH.FATHER_NOT_MALE)', () =>
    spec
      .given([])
      .when(birth({ fatherId: FATHER, father: personOf(enrolment({ nationalId: FATHER, sex: 'F' })) }))
      .thenThrows('BIRTH.FATHER_NOT_MALE'));

  it('may have died at most 300 days before the birth (BIRTH.FATHER_DECEASED)', () => {
    const cmd = birth({ fatherId: FATHER, father: father(death('2026-01-24')) });
    spec.given([]).when(cmd).then([registered(cmd, 'LY')]);
    spec.given([]).when(birth({ fatherId: FATHER, father: father(death('2026-01-23')) })).thenThrows('BIRTH.FATHER_DECEASED');
  });
});

describe('a national ID is never reused (PERSON.ALREADY_REGISTERED)', () => {
  it('refuses a birth under an ID in use', () =>
    spec.given([enrolment({ nationalId: CHILD })]).when(birth()).thenThrows('PERSON.ALREADY_REGISTERED', { kind: 'conflict' }));

  it('refuses a malformed ID with a 400', () =>
    spec.given([]).when(birth({ nationalId: '123' })).thenThrows('NATIONAL_ID.FORMAT', { kind: 'invalid' }));
});

describe('enrolment', () => {
  it('takes the mother’s name from her record when it names her', () => {
    const { motherName: _none, ...data } = enrolment({ nationalId: CHILD, dateOfBirth: '2010', motherId: MOTHER }).data;
    spec
      .given([])
      .when(command('EnrolPerson', { ...data, mother: mother() }))
      .then([{ type: 'PersonEnrolled', data: { ...data, motherName: MOTHER_NAME } }]);
  });

  it('judges the parents it names by the same rules', () =>
    spec
      .given([])
      .when(command('EnrolPerson', { ...enrolment({ nationalId: CHILD, dateOfBirth: '1995', motherId: MOTHER }).data, mother: mother() }))
      .thenThrows('BIRTH.MOTHER_AGE'));
});
