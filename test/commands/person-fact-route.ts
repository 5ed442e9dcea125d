import { parseCredential } from '../../src/agencies/credential';
import { revisionOf, unknownNationalId } from '../support/people';
import type { Response, TestApp } from '../support/test-app';

/**
 * What every route recording a fact about one person promises, checked the same way for each:
 * the accepted fact as the stream holds it, and the refusals that record nothing.
 */

const offices: Record<string, string> = { registrar: 'LY-BA-03-OFF1', tripoliRegistrar: 'LY-TB-01-OFF1' };

/** The 201 response recorded exactly `data` as a `type` fact, stamped with who sent it. */
export async function expectRecorded(
  t: TestApp,
  nationalId: string,
  response: Response,
  expected: { type: string; data: Record<string, unknown>; as?: string; idempotencyKey?: string },
): Promise<void> {
  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({ nationalId, eventIds: [expect.any(String)] });
  const events = await t.store.readStream(`person-${nationalId}`);
  const event = events.find((candidate) => candidate.id === response.body.eventIds[0]);
  expect(event?.type).toBe(expected.type);
  expect(event?.data).toEqual(expected.data);
  const as = expected.as ?? 'registrar';
  expect(event?.metadata).toMatchObject({
    registrar: parseCredential(t.credentials[as])!.clientId,
    office: offices[as],
    ...(expected.idempotencyKey ? { idempotencyKey: expected.idempotencyKey } : {}),
  });
  if (!expected.idempotencyKey) expect(event?.metadata).not.toHaveProperty('idempotencyKey');
}

/** Sends a request that must be refused with `status` and leaves the person's stream as it was. */
export async function expectRefused(
  t: TestApp,
  nationalId: string,
  send: () => Promise<Response>,
  status: number,
  code?: string,
): Promise<Response> {
  const before = await revisionOf(t, nationalId);
  const response = await send();
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  if (code && status === 400) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: code })]));
  else if (code) expect(response.body.type).toMatch(new RegExp(`:${code.replace(/\./g, '\\.')}$`));
  expect(await revisionOf(t, nationalId)).toBe(before);
  return response;
}

export interface FactRoute {
  /** The route for a person's national ID. */
  path: (nationalId: string) => string;
  /** A body the route accepts for the person the suite gives. */
  body: () => Record<string, unknown>;
  /** A field the body must have. */
  required: string;
  /** A field and a value of the wrong type for it. */
  wrongType: [field: string, value: unknown];
  /** The civil-date field a future date is refused in. */
  dateField?: string;
}

/** The refusals every person fact route shares; `person` is a registered person the route would accept. */
export function itRefusesWhatEveryFactRouteRefuses(app: () => TestApp, person: () => string, route: FactRoute): void {
  const post = (nationalId: string, body: unknown, as?: string) => app().request('POST', route.path(nationalId), { body, as });
  const without = (field: string) => Object.fromEntries(Object.entries(route.body()).filter(([key]) => key !== field));

  it(`refuses a body without ${route.required}: 400 naming it`, async () => {
    await expectRefused(app(), person(), () => post(person(), without(route.required)), 400, route.required);
  });

  it(`refuses ${route.wrongType[0]} of the wrong type: 400 naming it`, async () => {
    const [field, value] = route.wrongType;
    await expectRefused(app(), person(), () => post(person(), { ...route.body(), [field]: value }), 400, field);
  });

  it('refuses a field the route does not know: 400 naming it', async () => {
    await expectRefused(app(), person(), () => post(person(), { ...route.body(), remarks: 'x' }), 400, 'remarks');
  });

  it('refuses a malformed national ID in the path: 400 naming nid, not 404', async () => {
    const response = await expectRefused(app(), person(), () => post('12345', route.body()), 400, 'nid');
    expect(response.body.errors[0].rule).toBe('NATIONAL_ID.FORMAT');
  });

  it('refuses a national ID with a wrong check digit: 400 naming nid', async () => {
    const mistyped = person().slice(0, 11) + String((Number(person()[11]) + 1) % 10);
    const response = await expectRefused(app(), person(), () => post(mistyped, route.body()), 400, 'nid');
    expect(response.body.errors[0].rule).toBe('NATIONAL_ID.CHECK_DIGIT');
  });

  it('refuses a fact dated in the future: 422 FACT.IN_FUTURE', async () => {
    const body = { ...route.body(), [route.dateField ?? 'date']: '2026-12-01' };
    await expectRefused(app(), person(), () => post(person(), body), 422, 'FACT.IN_FUTURE');
  });

  it('answers 404 for a person the ledger does not hold', async () => {
    await expectRefused(app(), unknownNationalId(), () => post(unknownNationalId(), route.body()), 404, 'PERSON.NOT_FOUND');
  });

  it('refuses a role that may not record it: 403', async () => {
    await expectRefused(app(), person(), () => post(person(), route.body(), 'court'), 403);
  });

  it('refuses a request with no credential: 401', async () => {
    await expectRefused(app(), person(), () => post(person(), route.body(), ''), 401);
  });
}
