import { enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectRecorded, expectRefused, itRefusesWhatEveryFactRouteRefuses } from './person-fact-route';

describe('POST /v1/persons/{nid}/education', () => {
  let t: TestApp;
  let person: string;
  const path = (nid: string) => `/v1/persons/${nid}/education`;
  const body = () => ({ level: 6, institution: 'University of Benghazi', field: 'Civil engineering', status: 'completed', date: '2012-06-30' });

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { dateOfBirth: '1990-02-01', placeOfBirth: 'LY-BA-03' });
  });
  afterAll(() => t.close());

  it('records the education fact with the office, the registrar and the idempotency key', async () => {
    const response = await t.request('POST', path(person), { body: body(), headers: { 'idempotency-key': 'edu-1' } });
    await expectRecorded(t, person, response, { type: 'EducationRecorded', data: body(), idempotencyKey: 'edu-1' });
  });

  it('records one without a field of study, and without an idempotency key', async () => {
    const { field: _, ...withoutField } = body();
    const response = await t.request('POST', path(person), { body: { ...withoutField, level: 1, status: 'enrolled', date: '1996-09-15' } });
    await expectRecorded(t, person, response, {
      type: 'EducationRecorded',
      data: { level: 1, institution: 'University of Benghazi', status: 'enrolled', date: '1996-09-15' },
    });
  });

  it('refuses a level outside ISCED 2011 (0 to 8): 400 naming level', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), level: 9 } }), 400, 'level');
  });

  it('refuses a status it does not know: 400 naming status', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), status: 'graduated' } }), 400, 'status');
  });

  it('refuses an impossible date: 400 naming date', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), date: '2012-02-30' } }), 400, 'date');
  });

  it('refuses education dated before the birth: 422 FACT.BEFORE_BIRTH', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), date: '1985-09-01' } }), 422, 'FACT.BEFORE_BIRTH');
  });

  it('refuses a registrar outside the office of the person’s area: 422 JURISDICTION.OUTSIDE_OFFICE', async () => {
    await expectRefused(
      t,
      person,
      () => t.request('POST', path(person), { body: body(), as: 'tripoliRegistrar' }),
      422,
      'JURISDICTION.OUTSIDE_OFFICE',
    );
  });

  itRefusesWhatEveryFactRouteRefuses(() => t, () => person, { path, body, required: 'institution', wrongType: ['level', 'six'] });
});
