import { enrol, revisionOf } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectRecorded, expectRefused, itRefusesWhatEveryFactRouteRefuses } from './person-fact-route';

describe('POST /v1/persons/{nid}/employments', () => {
  let t: TestApp;
  let person: string;
  const path = (nid: string) => `/v1/persons/${nid}/employments`;
  const body = () => ({ employer: 'Arabian Gulf Oil Company', occupation: '2142', sector: 'public', date: '2013-01-15' });

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { sex: 'M', dateOfBirth: '1988-04-02', placeOfBirth: 'LY-BA-03' });
  });
  afterAll(() => t.close());

  it('records the start under an employment ID the ledger issues, and answers with it', async () => {
    const response = await t.request('POST', path(person), { body: body(), headers: { 'idempotency-key': 'job-1' } });
    expect(response.body).toEqual({ nationalId: person, eventIds: [expect.any(String)], employmentId: expect.stringMatching(/^[0-9A-Z]{12}$/) });
    await expectRecorded(t, person, response, {
      type: 'EmploymentStarted',
      data: { employmentId: response.body.employmentId, ...body() },
      idempotencyKey: 'job-1',
    });
  });

  it('answers a retry under the same key with the first result, employment ID included, and records nothing new', async () => {
    const send = () => t.request('POST', path(person), { body: { ...body(), date: '2014-02-01' }, headers: { 'idempotency-key': 'job-2' } });
    const first = await send();
    const revision = await revisionOf(t, person);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await revisionOf(t, person)).toBe(revision);
  });

  it('refuses the same key with another body: 409, nothing recorded', async () => {
    await t.request('POST', path(person), { body: body(), headers: { 'idempotency-key': 'job-3' } });
    await expectRefused(
      t,
      person,
      () => t.request('POST', path(person), { body: { ...body(), employer: 'Another employer' }, headers: { 'idempotency-key': 'job-3' } }),
      409,
      'IDEMPOTENCY.KEY_REUSED',
    );
  });

  it('issues a new employment ID for each start sent without a key', async () => {
    const [a, b] = [await t.request('POST', path(person), { body: body() }), await t.request('POST', path(person), { body: body() })];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.employmentId).not.toBe(b.body.employmentId);
  });

  it('refuses an occupation that is not an ISCO-08 code: 400 naming occupation', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), occupation: '21420' } }), 400, 'occupation');
  });

  it('refuses a sector it does not know: 400 naming sector', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), sector: 'government' } }), 400, 'sector');
  });

  it('refuses an employment starting before the birth: 422 FACT.BEFORE_BIRTH', async () => {
    await expectRefused(t, person, () => t.request('POST', path(person), { body: { ...body(), date: '1980-01-01' } }), 422, 'FACT.BEFORE_BIRTH');
  });

  it('refuses an employment starting after the death: 422 FACT.AFTER_DEATH', async () => {
    const deceased = await enrol(t, { sex: 'M', dateOfBirth: '1950', placeOfBirth: 'LY-BA-03' });
    const death = await t.request('POST', `/v1/persons/${deceased}/death`, {
      body: { dateOfDeath: '2020-05-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'BGH-2020-1' } },
    });
    expect(death.status).toBe(201);
    await expectRefused(t, deceased, () => t.request('POST', path(deceased), { body: { ...body(), date: '2021-01-01' } }), 422, 'FACT.AFTER_DEATH');
  });

  itRefusesWhatEveryFactRouteRefuses(() => t, () => person, { path, body, required: 'employer', wrongType: ['occupation', 2142] });
});
