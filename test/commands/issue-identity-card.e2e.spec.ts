import { enrol, revisionOf } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectRecorded, expectRefused, itRefusesWhatEveryFactRouteRefuses } from './person-fact-route';

describe('POST /v1/persons/{nid}/cards', () => {
  let t: TestApp;
  /** Holds no card: every refusal below leaves it so. */
  let person: string;
  const path = (nid: string) => `/v1/persons/${nid}/cards`;
  const body = () => ({ date: '2026-11-22', expiresOn: '2036-11-21' });
  const issue = (nid: string, card: object, headers: Record<string, string> = {}) => t.request('POST', path(nid), { body: card, headers });

  beforeAll(async () => {
    t = await startTestApp();
    person = await enrol(t, { dateOfBirth: '1979-01-30', placeOfBirth: 'LY-BA-03' });
  });
  afterAll(() => t.close());

  it('issues a card under a number the ledger draws, at the office of the credential', async () => {
    const holder = await enrol(t, { placeOfBirth: 'LY-BA-03' });
    const response = await issue(holder, body(), { 'idempotency-key': 'card-1' });
    expect(response.body).toEqual({ nationalId: holder, eventIds: [expect.any(String)], cardNumber: expect.stringMatching(/^[0-9A-Z]{12}$/) });
    await expectRecorded(t, holder, response, {
      type: 'IdentityCardIssued',
      data: { cardNumber: response.body.cardNumber, ...body(), office: 'LY-BA-03-OFF1' },
      idempotencyKey: 'card-1',
    });
  });

  it('answers a retry under the same key with the first card number and records nothing new', async () => {
    const holder = await enrol(t, { placeOfBirth: 'LY-BA-03' });
    const first = await issue(holder, body(), { 'idempotency-key': 'card-2' });
    const revision = await revisionOf(t, holder);
    const retry = await issue(holder, body(), { 'idempotency-key': 'card-2' });
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(await revisionOf(t, holder)).toBe(revision);
  });

  it('refuses a second card while the first is valid, and issues one once it is reported', async () => {
    const holder = await enrol(t, { placeOfBirth: 'LY-BA-03' });
    const first = await issue(holder, { date: '2020-01-10', expiresOn: '2030-01-09' });
    expect(first.status).toBe(201);
    await expectRefused(t, holder, () => issue(holder, body()), 422, 'CARD.VALID_CARD_EXISTS');
    const report = await t.request('POST', `/v1/persons/${holder}/cards/${first.body.cardNumber}/report`, { body: { reason: 'lost', date: '2026-11-01' } });
    expect(report.status).toBe(201);
    const replacement = await issue(holder, body());
    expect(replacement.status).toBe(201);
    expect(replacement.body.cardNumber).not.toBe(first.body.cardNumber);
  });

  it('refuses a card expiring on or before its issue: 422 CARD.EXPIRY_BEFORE_ISSUE', async () => {
    await expectRefused(t, person, () => issue(person, { date: '2026-11-22', expiresOn: '2026-11-22' }), 422, 'CARD.EXPIRY_BEFORE_ISSUE');
  });

  it('refuses a card to a deceased person: 422 CARD.DECEASED', async () => {
    const deceased = await enrol(t, { dateOfBirth: '1950', placeOfBirth: 'LY-BA-03' });
    const death = await t.request('POST', `/v1/persons/${deceased}/death`, {
      body: { dateOfDeath: '2026-11-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'BGH-2026-1123' } },
    });
    expect(death.status).toBe(201);
    await expectRefused(t, deceased, () => issue(deceased, { date: '2026-10-01', expiresOn: '2036-09-30' }), 422, 'CARD.DECEASED');
  });

  it('takes the issuing office from the credential, never the body: 400 naming office', async () => {
    await expectRefused(t, person, () => issue(person, { ...body(), office: 'LY-TB-01-OFF1' }), 400, 'office');
  });

  itRefusesWhatEveryFactRouteRefuses(() => t, () => person, { path, body, required: 'expiresOn', wrongType: ['expiresOn', true] });
});
