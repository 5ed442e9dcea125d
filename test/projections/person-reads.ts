import type { Response, TestApp } from '../support/test-app';

/** Helpers the identity-view and history specs share: every person read declares a purpose. */

export const purpose = { 'x-purpose': 'end-to-end test' };
export const courtCase = { 'x-purpose': 'inheritance', 'x-case-reference': 'Benghazi court 2026/5' };

export const readPerson = (t: TestApp, url: string, as = 'registrar', headers: Record<string, string> = purpose): Promise<Response> =>
  t.request('GET', url, { as, headers });

/** The fields a 400 names. */
export const fieldsOf = (response: Response): string[] => (response.body.errors ?? []).map((e: { field: string }) => e.field);

/** Lets the wall clock move on, so the next event is recorded at a later instant than the last. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

export async function expectProblem(response: Response, status: number, field?: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (field) expect(fieldsOf(response)).toContain(field);
}
