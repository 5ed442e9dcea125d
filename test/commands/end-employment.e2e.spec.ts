import { enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectRecorded, expectRefused, itRefusesWhatEveryFactRouteRefuses } from './person-fact-route';

describe('POST /v1/persons/{nid}/employments/{employmentId}/end', () => {
  let t: TestApp;
  let person: string;
  let openEmployment: string;
  const end = (nid: string, employmentId: string) => `/v1/persons/${nid}/employments/${employmentId}/end`;
  const body = () => ({ date: '2024-03-31', reason: 'resigned' });

  const start = async (date = '2013-01-15'): Promise<string> => {
    const response = await t.request('POST', `/v1/persons/${person}/employments`, {
      body: { employer: 'Arabian Gulf Oil Company', occupation: '2142', sector: 'public', date },
    });
    expect(response.status).toBe(201);
    return response.body.employmentId as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { dateOfBirth: '1988-04-02', placeOfBirth: 'LY-BA-03' });
    openEmployment = await start();
  });
  afterAll(() => t.close());

  it('records the end of an open employment', async () => {
    const employmentId = await start('2015-06-01');
    const response = await t.request('POST', end(person, employmentId), { body: body(), headers: { 'idempotency-key': 'end-1' } });
    await expectRecorded(t, person, response, { type: 'EmploymentEnded', data: { employmentId, ...body() }, idempotencyKey: 'end-1' });
  });

  it('refuses to end an employment twice: 422 EMPLOYMENT.NOT_OPEN', async () => {
    const employmentId = await start('2016-01-01');
    expect((await t.request('POST', end(person, employmentId), { body: body() })).status).toBe(201);
    await expectRefused(t, person, () => t.request('POST', end(person, employmentId), { body: { ...body(), date: '2025-01-01' } }), 422, 'EMPLOYMENT.NOT_OPEN');
  });

  it('refuses an end before the start: 422 EMPLOYMENT.END_BEFORE_START', async () => {
    await expectRefused(
      t,
      person,
      () => t.request('POST', end(person, openEmployment), { body: { ...body(), date: '2012-12-31' } }),
      422,
      'EMPLOYMENT.END_BEFORE_START',
    );
  });

  it('answers 404 for an employment the person never had', async () => {
    await expectRefused(t, person, () => t.request('POST', end(person, 'NOSUCHJOB000'), { body: body() }), 404, 'EMPLOYMENT.NOT_FOUND');
  });

  it('refuses a blank reason: 400 naming reason', async () => {
    await expectRefused(t, person, () => t.request('POST', end(person, openEmployment), { body: { ...body(), reason: '  ' } }), 400, 'reason');
  });

  itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
    path: (nid) => end(nid, openEmployment),
    body,
    required: 'reason',
    wrongType: ['date', 20240331],
  });
});
