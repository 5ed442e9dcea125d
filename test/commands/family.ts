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
