import type { PersonState, RegisteredPerson } from '../../domain/person/person-state';
import { annulled, born, corrected, died, divorced, enrolled, married, recorded } from '../../../test/projections/person-log';
import type { RecordedPersonEvent } from '../../domain/person/person-events';
import { dayOf, stateAt, type ReadPoint } from '../person-read/read-point';
import { identityViewOf, spouseIdsOf, type IdentityView } from './identity-view';

const NOW = '2026-11-22T09:00:00.000Z';
const wife = '412345678904';
const husband = '398765432103';

/** The view a read at `point` gives, spouses' logs read at the same point, as the handler does. */
function viewAt(log: RecordedPersonEvent[], point: ReadPoint = {}, others: Record<string, RecordedPersonEvent[]> = {}): IdentityView | undefined {
  const person = stateAt(log, point);
  if (person.status === 'unregistered') return undefined;
  const spouses = new Map<string, PersonState>(spouseIdsOf(person).map((id) => [id, stateAt(others[id] ?? [], point)]));
  return identityViewOf(person as RegisteredPerson, spouses, dayOf(point, NOW));
}

describe('identity view: a late registration', () => {
  // Born in 1990, recorded only in 2005.
  const log = [recorded('2005-03-01T10:00:00Z', born(wife, '1990-04-01'))];

  it('is not found as the ledger knew it before the recording, even on a day after the birth', () => {
    expect(viewAt(log, { asOf: '2000-01-01', knownAt: '2001-01-01T00:00:00.000Z' })).toBeUndefined();
  });

  it('is found on that day once the ledger knows the birth', () => {
    expect(viewAt(log, { asOf: '2000-01-01', knownAt: '2005-03-01T10:00:00.000Z' })).toMatchObject({ nationalId: wife, dateOfBirth: '1990-04-01', status: 'alive' });
  });

  it('is not found on a day before the birth', () => {
    expect(viewAt(log, { asOf: '1990-03-31' })).toBeUndefined();
  });
});

describe('identity view: a correction', () => {
  const birth = recorded('2005-03-01T10:00:00Z', born(wife, '1990-04-01'), 'birth');
  const log = [birth, recorded('2020-03-01T10:00:00Z', corrected('birth', 'dateOfBirth', '1990-04-01', '1990-04-10', '2020-02-20'))];

  it('is not applied as the ledger knew it before the correction was recorded', () => {
    expect(viewAt(log, { knownAt: '2020-03-01T09:59:59.999Z' })?.dateOfBirth).toBe('1990-04-01');
  });

  it('is applied from the instant it was recorded', () => {
    expect(viewAt(log, { knownAt: '2020-03-01T10:00:00.000Z' })?.dateOfBirth).toBe('1990-04-10');
    expect(viewAt(log)?.dateOfBirth).toBe('1990-04-10');
  });

  it('applies on days before its own date: it says what really happened', () => {
    expect(viewAt(log, { asOf: '2000-01-01' })?.dateOfBirth).toBe('1990-04-10');
  });

  it('moves the fact on the civil axis: the person is not yet born on a day between the old and the new date', () => {
    expect(viewAt(log, { asOf: '1990-04-05' })).toBeUndefined();
    expect(viewAt(log, { asOf: '1990-04-05', knownAt: '2019-01-01T00:00:00.000Z' })?.dateOfBirth).toBe('1990-04-01');
  });

  it('of a death date decides whether the person was alive on a day', () => {
    const withDeath = [
      birth,
      recorded('2020-05-02T10:00:00Z', died('2020-05-01'), 'death'),
      recorded('2021-01-10T10:00:00Z', corrected('death', 'dateOfDeath', '2020-05-01', '2020-06-01', '2021-01-05')),
    ];
    expect(viewAt(withDeath, { asOf: '2020-05-15' })?.status).toBe('alive');
    expect(viewAt(withDeath, { asOf: '2020-05-15', knownAt: '2020-12-31T00:00:00.000Z' })).toMatchObject({ status: 'deceased', dateOfDeath: '2020-05-01' });
    expect(viewAt(withDeath)).toMatchObject({ status: 'deceased', dateOfDeath: '2020-06-01', placeOfDeath: 'LY-BA-03' });
  });
});

describe('identity view: marital status', () => {
  const birth = recorded('2005-03-01T10:00:00Z', enrolled(wife, { dateOfBirth: '1990-03-01' }));
  const husbandLog = [recorded('2005-03-01T10:00:00Z', enrolled(husband, { sex: 'M', dateOfBirth: '1988-07-15', name: { given: 'علي', father: 'حسن', grandfather: 'عمر', family: 'الورفلي' } }))];
  const marriage = recorded('2015-06-02T10:00:00Z', married('m1', husband, '2015-06-01'), 'marriage');

  it('is single with no marriage', () => {
    expect(viewAt([birth])).toMatchObject({ maritalStatus: 'single', spouses: [] });
  });

  it('is married, with the spouse named, while a marriage is current', () => {
    const view = viewAt([birth, marriage], {}, { [husband]: husbandLog });
    expect(view?.maritalStatus).toBe('married');
    expect(view?.spouses).toEqual([
      {
        marriageId: 'm1',
        spouseId: husband,
        spouseName: { given: 'علي', father: 'حسن', grandfather: 'عمر', family: 'الورفلي' },
        date: '2015-06-01',
        place: 'LY-BA-03',
        contractReference: 'contract m1',
        eventId: 'marriage',
        status: 'current',
      },
    ]);
  });

  it('is single again once the marriage is annulled; married as known before the annulment', () => {
    const log = [birth, marriage, recorded('2020-01-10T10:00:00Z', annulled('marriage', '2020-01-09'))];
    expect(viewAt(log, {}, { [husband]: husbandLog })).toMatchObject({ maritalStatus: 'single', spouses: [] });
    expect(viewAt(log, { asOf: '2016-01-01' })?.maritalStatus).toBe('single');
    expect(viewAt(log, { knownAt: '2019-12-31T00:00:00.000Z' })?.maritalStatus).toBe('married');
  });

  it('is divorced after a divorce, married before it, and married again after a new marriage', () => {
    const log = [birth, marriage, recorded('2018-02-02T10:00:00Z', divorced('m1', husband, '2018-02-01'), 'divorce')];
    const view = viewAt(log);
    expect(view?.maritalStatus).toBe('divorced');
    expect(view?.spouses[0]).toMatchObject({
      status: 'divorced',
      ended: { how: 'divorce', date: '2018-02-01', courtReference: 'court m1', eventId: 'divorce' },
    });
    expect(viewAt(log, { asOf: '2018-01-31' })?.maritalStatus).toBe('married');
    const again = [...log, recorded('2019-05-02T10:00:00Z', married('m2', '234567890124', '2019-05-01'))];
    expect(viewAt(again)?.maritalStatus).toBe('married');
    expect(viewAt(again)?.spouses.map(({ status }) => status)).toEqual(['divorced', 'current']);
  });

  it('is married again when the divorce is annulled', () => {
    const log = [
      birth,
      marriage,
      recorded('2018-02-02T10:00:00Z', divorced('m1', husband, '2018-02-01'), 'divorce'),
      recorded('2018-09-01T10:00:00Z', annulled('divorce', '2018-08-30')),
    ];
    expect(viewAt(log)?.maritalStatus).toBe('married');
  });

  describe('widowed, from the death in the spouse\'s stream', () => {
    const log = [birth, marriage];
    const widower = [...husbandLog, recorded('2022-03-02T10:00:00Z', died('2022-03-01'))];

    it('is widowed after the spouse died', () => {
      const view = viewAt(log, {}, { [husband]: widower });
      expect(view?.maritalStatus).toBe('widowed');
      expect(view?.spouses[0]).toMatchObject({ status: 'widowed', ended: { how: 'death-of-spouse', date: '2022-03-01' } });
      expect(Object.keys(view!.spouses[0])).toEqual(['marriageId', 'spouseId', 'spouseName', 'date', 'place', 'contractReference', 'eventId', 'status', 'ended']);
    });

    it('is married on a day before the death, or as known before the death was recorded', () => {
      expect(viewAt(log, { asOf: '2022-02-28' }, { [husband]: widower })?.maritalStatus).toBe('married');
      expect(viewAt(log, { knownAt: '2022-03-02T09:00:00.000Z' }, { [husband]: widower })?.maritalStatus).toBe('married');
    });

    it('is divorced, not widowed, when the divorce came before the death', () => {
      const divorcedFirst = [...log, recorded('2018-02-02T10:00:00Z', divorced('m1', husband, '2018-02-01'))];
      expect(viewAt(divorcedFirst, {}, { [husband]: widower })?.maritalStatus).toBe('divorced');
    });

    it('stays married at death when the person died before the spouse', () => {
      const diedFirst = [...log, recorded('2021-01-02T10:00:00Z', died('2021-01-01'))];
      expect(viewAt(diedFirst, {}, { [husband]: widower })).toMatchObject({ status: 'deceased', maritalStatus: 'married' });
    });
  });
});

describe('identity view: partial birth dates', () => {
  const log = [recorded('2026-01-05T10:00:00Z', enrolled(wife, { dateOfBirth: '1961' }))];

  it('keep their precision', () => {
    expect(viewAt(log)?.dateOfBirth).toBe('1961');
    expect(viewAt([recorded('2026-01-05T10:00:00Z', enrolled(wife, { dateOfBirth: '1961-03' }))])?.dateOfBirth).toBe('1961-03');
  });

  it('count from the first day they may stand for', () => {
    expect(viewAt(log, { asOf: '1960-12-31' })).toBeUndefined();
    expect(viewAt(log, { asOf: '1961-01-01' })?.dateOfBirth).toBe('1961');
  });
});

describe('identity view: the other attributes', () => {
  const log: RecordedPersonEvent[] = [
    recorded('2020-01-01T10:00:00Z', enrolled(wife, { motherId: '234567890124' })),
    recorded('2020-01-02T10:00:00Z', { type: 'EducationRecorded', data: { level: 6, institution: 'University of Benghazi', field: 'Law', status: 'completed', date: '2003-06-30' } }),
    recorded('2020-01-02T10:00:00Z', { type: 'EducationRecorded', data: { level: 7, institution: 'University of Tripoli', status: 'enrolled', date: '2010-10-01' } }),
    recorded('2020-01-03T10:00:00Z', { type: 'EmploymentStarted', data: { employmentId: 'job1', employer: 'Ministry of Health', occupation: '2221', sector: 'public', date: '2005-01-01' } }),
    recorded('2020-01-03T10:00:00Z', { type: 'EmploymentEnded', data: { employmentId: 'job1', date: '2012-01-01', reason: 'resigned' } }),
    recorded('2020-01-03T10:00:00Z', { type: 'EmploymentStarted', data: { employmentId: 'job2', employer: 'Benghazi Clinic', occupation: '2221', sector: 'private', date: '2012-02-01' } }),
    recorded('2020-01-04T10:00:00Z', { type: 'ResidenceChanged', data: { area: 'LY-BA-03', date: '2015-01-01' } }),
    recorded('2020-01-04T10:00:00Z', { type: 'NationalityGranted', data: { nationality: 'TN', decisionReference: 'D-1', date: '2016-01-01' } }),
    recorded('2020-01-05T10:00:00Z', { type: 'IdentityCardIssued', data: { cardNumber: 'C1', date: '2010-01-01', expiresOn: '2020-01-01', office: 'LY-BA-03-OFF1' } }),
    recorded('2020-01-05T10:00:00Z', { type: 'IdentityCardIssued', data: { cardNumber: 'C2', date: '2020-01-02', expiresOn: '2030-01-01', office: 'LY-BA-03-OFF1' } }),
  ];

  it('shows parents, residence, nationalities, latest education, current employment and the valid card', () => {
    expect(viewAt(log)).toMatchObject({
      parents: { motherId: '234567890124', motherName: { given: 'خديجة', family: 'المسماري' } },
      residency: 'citizen',
      residence: 'LY-BA-03',
      nationality: 'LY',
      nationalities: ['LY', 'TN'],
      education: { latest: { level: 7, institution: 'University of Tripoli', status: 'enrolled', date: '2010-10-01' }, highestCompletedLevel: 6 },
      employment: [{ employmentId: 'job2', employer: 'Benghazi Clinic', occupation: '2221', sector: 'private', since: '2012-02-01' }],
      identityCard: { cardNumber: 'C2', issuedOn: '2020-01-02', expiresOn: '2030-01-01' },
      registration: { type: 'PersonEnrolled' },
    });
  });

  it('shows the card valid on the day read', () => {
    expect(viewAt(log, { asOf: '2015-06-01' })?.identityCard?.cardNumber).toBe('C1');
    expect(viewAt(log, { asOf: '2020-01-01' })?.identityCard?.cardNumber).toBe('C1');
    expect(viewAt(log, { asOf: '2009-06-01' })?.identityCard).toBeUndefined();
  });

  it('lists its fields in the order responses have always had, optional ones in their place', () => {
    const abroad = [...log, recorded('2021-01-01T10:00:00Z', { type: 'Emigrated', data: { country: 'TN', date: '2020-12-01' } })];
    const deceased = [...abroad, recorded('2022-01-01T10:00:00Z', died('2021-12-30'))];
    expect(Object.keys(viewAt(deceased)!)).toEqual([
      'nationalId', 'name', 'sex', 'dateOfBirth', 'placeOfBirth', 'status', 'dateOfDeath', 'placeOfDeath', 'maritalStatus', 'spouses',
      'parents', 'residency', 'residence', 'abroad', 'nationality', 'nationalities', 'education', 'employment', 'registration',
    ]);
    expect(Object.keys(viewAt(log)!)).toEqual([
      'nationalId', 'name', 'sex', 'dateOfBirth', 'placeOfBirth', 'status', 'maritalStatus', 'spouses',
      'parents', 'residency', 'residence', 'nationality', 'nationalities', 'education', 'employment', 'identityCard', 'registration',
    ]);
    expect(Object.keys(viewAt(log)!.parents)).toEqual(['motherId', 'motherName']);
  });

  it('shows no card once reported, and no card nor employment once deceased', () => {
    const reported = [...log, recorded('2021-01-01T10:00:00Z', { type: 'IdentityCardReported', data: { cardNumber: 'C2', reason: 'lost', date: '2020-12-30' } })];
    expect(viewAt(reported)?.identityCard).toBeUndefined();
    const deceased = [...log, recorded('2021-01-01T10:00:00Z', died('2020-12-30'))];
    expect(viewAt(deceased)).toMatchObject({ status: 'deceased', employment: [] });
    expect(viewAt(deceased)?.identityCard).toBeUndefined();
  });
});
