import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { enrol, revisionOf, type PersonSpec } from '../support/people';
import type { Response, TestApp } from '../support/test-app';

/** Helpers the marriage, divorce, correction and annulment specs share. */

export const marriageBody = (spouses: unknown, overrides: Record<string, unknown> = {}) => ({
  spouses,
  date: '2015-06-01',
  place: 'LY-BA-03',
  contractReference: 'Benghazi court 2015/12',
  ...overrides,
});

export async function marry(t: TestApp, husband: string, wife: string, date = '2015-06-01'): Promise<string> {
  const response = await t.request('POST', '/v1/marriages', { body: marriageBody([husband, wife], { date }) });
  if (response.status !== 201) throw new Error(`marriage failed: ${JSON.stringify(response.body)}`);
  return response.body.marriageId as string;
}

export async function divorce(t: TestApp, marriageId: string, date: string): Promise<Response> {
  return t.request('POST', `/v1/marriages/${marriageId}/divorce`, { body: { date, courtReference: 'Benghazi court 2020/7' } });
}

export async function die(t: TestApp, nationalId: string, dateOfDeath: string): Promise<Response> {
  return t.request('POST', `/v1/persons/${nationalId}/death`, {
    body: { dateOfDeath, placeOfDeath: 'LY-BA-03', causeIcd10: 'I21.9', certifier: { kind: 'hospital', reference: 'BGH-1' } },
  });
}

export const man = (t: TestApp, spec: PersonSpec = {}) => enrol(t, { sex: 'M', dateOfBirth: '1980-01-01', ...spec });
export const woman = (t: TestApp, spec: PersonSpec = {}) => enrol(t, { sex: 'F', dateOfBirth: '1985-01-01', ...spec });

export const events = (t: TestApp, nationalId: string): Promise<RecordedEvent[]> => t.store.readStream(`person-${nationalId}`);

/** The first fact of a type in a person's stream. */
export async function factOf(t: TestApp, nationalId: string, type: string): Promise<RecordedEvent> {
  return (await events(t, nationalId)).find((event) => event.type === type)!;
}

/** A man and a woman, married on 2015-06-01. */
export async function married(t: TestApp): Promise<{ husband: string; wife: string; marriageId: string }> {
  const [husband, wife] = [await man(t), await woman(t)];
  return { husband, wife, marriageId: await marry(t, husband, wife, '2015-06-01') };
}

export async function lastEvent(t: TestApp, nationalId: string): Promise<RecordedEvent> {
  const all = await events(t, nationalId);
  return all[all.length - 1]!;
}

/** Runs a request that must be refused, and checks it recorded nothing in any of the persons' streams. */
export async function refused(t: TestApp, persons: string[], send: () => Promise<Response>): Promise<Response> {
  const before = await Promise.all(persons.map((id) => revisionOf(t, id)));
  const response = await send();
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(await Promise.all(persons.map((id) => revisionOf(t, id)))).toEqual(before);
  return response;
}

export const ruleType = (code: string) => `urn:sijil:rule:${code}`;

/** The fields a 400 names. */
export const fieldsOf = (response: Response): string[] => (response.body.errors ?? []).map((e: { field: string }) => e.field);

/** A national ID with the right format but a wrong Verhoeff check digit. */
export const wrongCheckDigit = (id: string) => `${id.slice(0, 11)}${(Number(id[11]) + 1) % 10}`;

/** A command under test: the persons it records in, and two different requests to send under one key. */
export interface KeyedCommand {
  persons: string[];
  send: (headers: Record<string, string>) => Promise<Response>;
  sendAnother: (headers: Record<string, string>) => Promise<Response>;
}

let keys = 0;

/** DOMAIN.md's retry promise, for any command: the same key and body record once; another body is a 409. */
export function describeIdempotency(app: () => TestApp, prepare: () => Promise<KeyedCommand>): void {
  describe('Idempotency-Key', () => {
    it('the same request twice records it once and answers the same', async () => {
      const { persons, send } = await prepare();
      const headers = { 'Idempotency-Key': `retried-${(keys += 1)}` };
      const first = await send(headers);
      const revisions = await Promise.all(persons.map((id) => revisionOf(app(), id)));
      const second = await send(headers);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body).toEqual(first.body);
      expect(await Promise.all(persons.map((id) => revisionOf(app(), id)))).toEqual(revisions);
    });

    it('the same key with another body is a 409 and records nothing', async () => {
      const { persons, send, sendAnother } = await prepare();
      const headers = { 'Idempotency-Key': `reused-${(keys += 1)}` };
      expect((await send(headers)).status).toBe(201);
      const response = await refused(app(), persons, () => sendAnother(headers));
      expect(response.status).toBe(409);
      expect(response.body.type).toBe('urn:sijil:error:IDEMPOTENCY.KEY_REUSED');
    });
  });
}
