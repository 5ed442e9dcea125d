import { defaultPolicy } from '../../policy/jurisdiction-policy';
import { command, enrolment, nid, personOf, personSpec } from '../../testing/person-fixtures';
import type { PersonEvent } from '../person-events';

const spec = personSpec();
const inBenghazi = { officeArea: 'LY-BA' };
const enrolled = enrolment({ placeOfBirth: 'LY-TR-01' });
const moved: PersonEvent = { type: 'ResidenceChanged', data: { area: 'LY-BA-03', date: '2010-01-01' } };
const education = command('RecordEducation', { level: 3, institution: 'School 5', status: 'completed', date: '2012-06-01' }, inBenghazi);

describe('a registrar records only within the office’s jurisdiction (JURISDICTION.OUTSIDE_OFFICE)', () => {
  it('records a fact whose place is within the office area', () =>
    spec.given([enrolled]).when(command('ChangeResidence', { area: 'LY-BA-03', date: '2010-01-01' }, inBenghazi)).then([moved]));

  it('refuses a fact whose place is outside it', () =>
    spec.given([enrolled]).when(command('ChangeResidence', { area: 'LY-TR-01', date: '2010-01-01' }, inBenghazi)).thenThrows('JURISDICTION.OUTSIDE_OFFICE'));

  it('judges a fact with no place by the residence, else the place of birth', () => {
    spec.given([enrolled, moved]).when(education).then([{ type: 'EducationRecorded', data: education.data }]);
    spec.given([enrolled]).when(education).thenThrows('JURISDICTION.OUTSIDE_OFFICE');
  });

  it('sets no limit for a sender with no office area', () =>
    spec.given([enrolled]).when({ ...education, metadata: { ...education.metadata, officeArea: undefined } }).then([{ type: 'EducationRecorded', data: education.data }]));

  it('lets births, enrolments and deaths be recorded anywhere by default', () => {
    const death = command('RegisterDeath', { dateOfDeath: '2020-01-01', placeOfDeath: 'LY-TR-01', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H-1' } }, inBenghazi);
    spec.given([enrolled]).when(death).then([{ type: 'DeathRegistered', data: death.data }]);
    spec.given([]).when(command('EnrolPerson', enrolled.data, inBenghazi)).then([enrolled]);
    const strict = personSpec({ ...defaultPolicy, registerAnywhere: { births: false, deaths: false, everything: false } });
    strict.given([]).when(command('EnrolPerson', enrolled.data, inBenghazi)).thenThrows('JURISDICTION.OUTSIDE_OFFICE');
    const mother = personOf(enrolment({ nationalId: nid(20), dateOfBirth: '1990' }));
    const birth = command('RegisterBirth', { nationalId: nid(21), name: enrolled.data.name, sex: 'M', dateOfBirth: '2020-01-01', placeOfBirth: 'LY-TR-01', motherId: nid(20), mother, plurality: 1 }, inBenghazi);
    personSpec({ ...defaultPolicy, registerAnywhere: { births: false, deaths: false, everything: false } }).given([]).when(birth).thenThrows('JURISDICTION.OUTSIDE_OFFICE');
  });

  it('lets a policy allow everything anywhere', () =>
    personSpec({ ...defaultPolicy, registerAnywhere: { births: true, deaths: true, everything: true } })
      .given([enrolled])
      .when(education)
      .then([{ type: 'EducationRecorded', data: education.data }]));
});
