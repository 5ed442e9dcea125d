import { startTestApp, type TestApp } from '../support/test-app';

/**
 * API.md is the contract agencies integrate against; /docs is its full reference, generated
 * from the code. Every route the ledger core promises must be there, with its roles' security.
 */
const promised: Array<[method: string, path: string]> = [
  ['post', '/v1/births'],
  ['post', '/v1/enrolments'],
  ['post', '/v1/persons/{nid}/death'],
  ['post', '/v1/marriages'],
  ['post', '/v1/marriages/{marriageId}/divorce'],
  ['post', '/v1/persons/{nid}/education'],
  ['post', '/v1/persons/{nid}/employments'],
  ['post', '/v1/persons/{nid}/employments/{employmentId}/end'],
  ['post', '/v1/persons/{nid}/name-changes'],
  ['post', '/v1/persons/{nid}/residence-changes'],
  ['post', '/v1/persons/{nid}/emigrations'],
  ['post', '/v1/persons/{nid}/immigrations'],
  ['post', '/v1/persons/{nid}/nationality-grants'],
  ['post', '/v1/persons/{nid}/cards'],
  ['post', '/v1/persons/{nid}/cards/{cardNumber}/report'],
  ['post', '/v1/persons/{nid}/corrections'],
  ['post', '/v1/persons/{nid}/annulments'],
  ['get', '/v1/persons/{nid}'],
  ['get', '/v1/persons/{nid}/history'],
  ['get', '/health'],
  ['get', '/metrics'],
];

describe('OpenAPI document at /docs', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, { security?: unknown[]; parameters?: Array<{ name: string }> }>> };
  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.request('GET', '/docs/openapi.json', { as: '' });
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => t.close());

  it.each(promised)('documents %s %s', (method, path) => {
    expect(document.paths[path]?.[method]).toBeDefined();
  });

  it('documents Idempotency-Key and bearer security on every command', () => {
    for (const [method, path] of promised.filter(([m]) => m === 'post')) {
      const operation = document.paths[path][method];
      expect(operation.security).toBeDefined();
      expect(operation.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    }
  });

  it('serves the browsable reference without a credential', async () => {
    const page = await t.request('GET', '/docs', { as: '' });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger');
  });
});
