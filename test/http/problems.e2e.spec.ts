import type { AddressInfo } from 'node:net';
import { birthBody, enrol, revisionOf } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

/** Every refusal a client can provoke is problem+json with the documented status, never a 500. */
describe('errors as problem+json', () => {
  let t: TestApp;
  let mother: string;
  beforeAll(async () => {
    t = await startTestApp();
    mother = await enrol(t, { sex: 'F', dateOfBirth: '1990-01-01' });
  });
  afterAll(() => t.close());

  const expectProblem = (response: { status: number; headers: Record<string, unknown>; body: any }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^urn:sijil:/), title: expect.any(String), detail: expect.any(String) });
  };

  it('401 without a credential and with a wrong one', async () => {
    expectProblem(await t.request('POST', '/v1/births', { as: '', body: birthBody(mother) }), 401);
    const forged = 'sijil_0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expectProblem(await t.request('POST', '/v1/births', { as: forged, body: birthBody(mother) }), 401);
  });

  it('403 for a role the route does not name', async () => {
    const response = await t.request('POST', '/v1/births', { as: 'statistician', body: birthBody(mother) });
    expectProblem(response, 403);
    expect(await revisionOf(t, mother)).toBe(0);
  });

  it('400 for malformed JSON, naming no field but saying why', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/births',
      headers: { authorization: `Bearer ${t.credentials.registrar}`, 'content-type': 'application/json' },
      payload: '{"child": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('400 for an unknown field instead of dropping it', async () => {
    const response = await t.request('POST', '/v1/births', { body: { ...birthBody(mother), fatherID: '398765432109' } });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'fatherID', rule: 'whitelistValidation' })]);
  });

  it('400 naming each bad field with one rule each', async () => {
    const body = birthBody(mother) as any;
    delete body.child.sex;
    body.plurality = 'one';
    const response = await t.request('POST', '/v1/births', { body });
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['child.sex', 'plurality']);
  });

  it('400, not 404, for a malformed national ID or a wrong check digit in the path', async () => {
    const death = { dateOfDeath: '2026-11-01', placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'H-1' } };
    const malformed = await t.request('POST', '/v1/persons/12345/death', { body: death });
    expectProblem(malformed, 400);
    expect(malformed.body.errors[0]).toMatchObject({ field: 'nid', rule: 'NATIONAL_ID.FORMAT' });
    const wrongDigit = await t.request('POST', '/v1/persons/412345678904/death', { body: death });
    expectProblem(wrongDigit, 400);
    expect(wrongDigit.body.errors[0]).toMatchObject({ field: 'nid', rule: 'NATIONAL_ID.CHECK_DIGIT' });
  });

  it('400 naming where a body nests too deeply, recording nothing (it once overflowed the stack: a 500)', async () => {
    // Sent as text: JSON.stringify itself overflows on such a value.
    const payload = JSON.stringify({ ...birthBody(mother), child: '<deep>' }).replace('"<deep>"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/births',
      headers: { authorization: `Bearer ${t.credentials.registrar}`, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([expect.objectContaining({ field: `child${'.0'.repeat(31)}`, rule: 'maxDepth' })]);
    expect(await revisionOf(t, mother)).toBe(0);
  });

  it('400 problem for a URL that cannot be decoded', async () => {
    expectProblem(await t.request('GET', '/v1/persons/%E0%A4%A', { headers: { 'x-purpose': 'counter enquiry' } }), 400);
  });

  it('431 problem, not Fastify\'s own JSON, for a request line and headers too large to read', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/v1/persons/${'9'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 431, type: 'urn:sijil:error:HTTP.431', title: 'Request Header Fields Too Large' });
  });

  it('404 problem for an unknown route', async () => {
    expectProblem(await t.request('GET', '/v1/nowhere'), 404);
  });

  it('400 for an area the gazetteer does not hold', async () => {
    const response = await t.request('POST', '/v1/births', { body: birthBody(mother, undefined, { placeOfBirth: 'LY-ZZ-99' }) });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'child.placeOfBirth', rule: 'AREA.UNKNOWN' });
  });
});
