import { birthBody, enrol } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

/** A registration office on a failing line resends; the ledger must record the fact once. */
describe('Idempotency-Key on a birth', () => {
  let t: TestApp;
  let mother: string;
  beforeAll(async () => {
    t = await startTestApp();
    mother = await enrol(t, { sex: 'F', dateOfBirth: '1990-01-01' });
  });
  afterAll(() => t.close());

  const births = async () => (await t.store.readAll()).filter((event) => event.type === 'BirthRegistered');

  it('records one birth for the same key and body sent twice, and answers both with the first result', async () => {
    const headers = { 'idempotency-key': 'office-3/2026-11-22/0001' };
    const first = await t.request('POST', '/v1/births', { body: birthBody(mother), headers });
    const second = await t.request('POST', '/v1/births', { body: birthBody(mother), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await births()).toHaveLength(1);
    const [event] = await t.store.readStream(`person-${first.body.nationalId}`);
    expect(event.metadata).toMatchObject({ idempotencyKey: 'office-3/2026-11-22/0001', office: 'LY-BA-03-OFF1' });
  });

  it('records one birth when the same request races itself', async () => {
    const headers = { 'idempotency-key': 'office-3/2026-11-22/0002' };
    const before = (await births()).length;
    const responses = await Promise.all(Array.from({ length: 20 }, () => t.request('POST', '/v1/births', { body: birthBody(mother), headers })));
    expect(new Set(responses.map((r) => r.body.nationalId)).size).toBe(1);
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect((await births()).length).toBe(before + 1);
  });

  it('refuses the same key with another body (409) and records nothing', async () => {
    const headers = { 'idempotency-key': 'office-3/2026-11-22/0003' };
    await t.request('POST', '/v1/births', { body: birthBody(mother), headers });
    const before = (await births()).length;
    const other = await t.request('POST', '/v1/births', { body: birthBody(mother, undefined, { sex: 'M' }), headers });
    expect(other.status).toBe(409);
    expect(other.body.type).toBe('urn:sijil:error:IDEMPOTENCY.KEY_REUSED');
    expect((await births()).length).toBe(before);
  });

  it('keeps keys apart between agencies', async () => {
    const headers = { 'idempotency-key': 'shared-key' };
    const ours = await t.request('POST', '/v1/births', { body: birthBody(mother), headers });
    const theirs = await t.request('POST', '/v1/births', { as: 'tripoliRegistrar', body: birthBody(mother), headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.nationalId).not.toBe(ours.body.nationalId);
  });

  it('refuses a malformed key with a 400 naming the header', async () => {
    const response = await t.request('POST', '/v1/births', { body: birthBody(mother), headers: { 'idempotency-key': 'has spaces' } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ field: 'Idempotency-Key' });
  });
});
