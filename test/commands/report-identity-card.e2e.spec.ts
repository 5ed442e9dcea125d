import { enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectRecorded, expectRefused, itRefusesWhatEveryFactRouteRefuses } from './person-fact-route';

describe('POST /v1/persons/{nid}/cards/{cardNumber}/report', () => {
  let t: TestApp;
  let person: string;
  /** Valid, and left so by every refusal below. */
  let validCard: string;
  const report = (nid: string, cardNumber: string) => `/v1/persons/${nid}/cards/${cardNumber}/report`;
  const body = () => ({ reason: 'stolen', date: '2026-11-20' });

  const issueCard = async (nid: string, date: string, expiresOn: string): Promise<string> => {
    const response = await t.request('POST', `/v1/persons/${nid}/cards`, { body: { date, expiresOn } });
    expect(response.status).toBe(201);
    return response.body.cardNumber as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { dateOfBirth: '1979-01-30', placeOfBirth: 'LY-BA-03' });
    validCard = await issueCard(person, '2024-05-01', '2034-04-30');
  });
  afterAll(() => t.close());

  it('records the report: the card stops being valid', async () => {
    const holder = await enrol(t, { placeOfBirth: 'LY-BA-03' });
    const cardNumber = await issueCard(holder, '2022-03-01', '2032-02-28');
    const response = await t.request('POST', report(holder, cardNumber), { body: body(), headers: { 'idempotency-key': 'report-1' } });
    await expectRecorded(t, holder, response, { type: 'IdentityCardReported', data: { cardNumber, ...body() }, idempotencyKey: 'report-1' });
  });

  it('refuses a card reported twice: 422 CARD.ALREADY_REPORTED', async () => {
    const holder = await enrol(t, { placeOfBirth: 'LY-BA-03' });
    const cardNumber = await issueCard(holder, '2022-03-01', '2032-02-28');
    expect((await t.request('POST', report(holder, cardNumber), { body: { reason: 'lost', date: '2026-01-10' } })).status).toBe(201);
    await expectRefused(t, holder, () => t.request('POST', report(holder, cardNumber), { body: body() }), 422, 'CARD.ALREADY_REPORTED');
  });

  it('refuses a report dated before the issue: 422 CARD.REPORT_BEFORE_ISSUE', async () => {
    await expectRefused(t, person, () => t.request('POST', report(person, validCard), { body: { ...body(), date: '2024-04-30' } }), 422, 'CARD.REPORT_BEFORE_ISSUE');
  });

  it('answers 404 for a card the person never held', async () => {
    await expectRefused(t, person, () => t.request('POST', report(person, 'NOSUCHCARD00'), { body: body() }), 404, 'CARD.NOT_FOUND');
  });

  it('refuses a reason other than lost, stolen or damaged: 400 naming reason', async () => {
    await expectRefused(t, person, () => t.request('POST', report(person, validCard), { body: { ...body(), reason: 'expired' } }), 400, 'reason');
  });

  itRefusesWhatEveryFactRouteRefuses(() => t, () => person, {
    path: (nid) => report(nid, validCard),
    body,
    required: 'reason',
    wrongType: ['reason', 1],
  });
});
