import { command, enrolment, personSpec } from '../../testing/person-fixtures';
import type { EmploymentStarted } from '../person-events';

const spec = personSpec();
const started: EmploymentStarted = {
  type: 'EmploymentStarted',
  data: { employmentId: 'emp-1', employer: 'Benghazi Port', occupation: '8344', sector: 'public', date: '2010-03-01' },
};
const end = (date: string) => command('EndEmployment', { employmentId: 'emp-1', date, reason: 'retired' });

describe('employment end', () => {
  it('ends an open employment on or after its start', () => {
    spec.given([enrolment(), started]).when(end('2010-03-01')).then([{ type: 'EmploymentEnded', data: end('2010-03-01').data }]);
  });

  it('refuses an unknown employment (EMPLOYMENT.NOT_FOUND)', () =>
    spec.given([enrolment()]).when(end('2020-01-01')).thenThrows('EMPLOYMENT.NOT_FOUND', { kind: 'not-found' }));

  it('refuses an employment already ended (EMPLOYMENT.NOT_OPEN)', () =>
    spec.given([enrolment(), started, { type: 'EmploymentEnded', data: end('2015-01-01').data }]).when(end('2020-01-01')).thenThrows('EMPLOYMENT.NOT_OPEN'));

  it('refuses an end before the start (EMPLOYMENT.END_BEFORE_START)', () =>
    spec.given([enrolment(), started]).when(end('2010-02-28')).thenThrows('EMPLOYMENT.END_BEFORE_START'));

  it('refuses a start under an employment ID in use (EMPLOYMENT.ID_IN_USE)', () =>
    spec.given([enrolment(), started]).when(command('StartEmployment', started.data)).thenThrows('EMPLOYMENT.ID_IN_USE', { kind: 'conflict' }));

  it('refuses a malformed occupation code with a 400', () =>
    spec
      .given([enrolment()])
      .when(command('StartEmployment', { ...started.data, employmentId: 'emp-2', occupation: 'driver' }))
      .thenThrows('ISCO.FORMAT', { kind: 'invalid', details: { field: 'occupation' } }));
});
