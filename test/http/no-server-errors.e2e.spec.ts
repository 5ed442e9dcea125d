import fc from 'fast-check';
import { couple, enrol, unknownNationalId } from '../support/people';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/*
 * "No request a client can send may produce a 500." Every route of the OpenAPI document is sent
 * its documented example body, mutated (values replaced by any JSON, fields dropped or added),
 * with any path identifier, query, role and headers: every answer is below 500, and every refusal
 * is problem+json. The examples carry real persons' IDs so that mutations reach the deciders, not
 * only validation.
 */

interface Schema {
  $ref?: string;
  type?: string;
  example?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
}
interface Operation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content: { 'application/json': { schema: Schema } } };
}
interface Route {
  method: string;
  path: string;
  queries: string[];
  /** The required query parameters, with the document's examples. */
  exampleQuery: Array<[string, string]>;
  /** The documented example: its required fields and those the document shows, then every field. */
  bodies: Json[];
  /** Roles the route lets in (not 401 or 403): most requests come with one, so they get past the door. */
  roles: string[];
}
type Json = unknown;
type Path = Array<string | number>;

const printable = fc.stringMatching(/^[\x20-\x7e]{0,24}$/);

/** Null four times in five: most requests keep what the example gives, so that they reach the deciders. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, arbitrary);

/** Values a client may send where any value belongs: any JSON, odd text and the edges of dates, codes and numbers. */
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '0000-00-00', '2026-02-30', '9999-12-31', '1800-01-01', '2026', '2026-13', '-0001-01-01', '2026-01-01T00:00:00Z'),
  fc.constantFrom('LY', 'LY-BA', 'LY-BA-03', 'LY-ZZ-99', 'LY-BA-03-OFF1', '__proto__', 'constructor', 'a'.repeat(20_000), '\u0000', '\ud800'),
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 0.5, true, false, null, [], {}),
);

/** Every place in a JSON value, the value itself first. */
function placesIn(value: Json, at: Path = []): Path[] {
  const places = [at];
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) places.push(...placesIn(inner, [...at, Array.isArray(value) ? Number(key) : key]));
  }
  return places;
}

function withValueAt(value: Json, at: Path, replacement: Json | undefined): Json {
  if (at.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value !== null && typeof value === 'object' ? value : {}) }) as Record<string | number, Json>;
  const [key, ...rest] = at;
  const inner = withValueAt(copy[key], rest, replacement);
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy;
}

type Mutation = { kind: 'replace' | 'drop' | 'add'; place: number; key: string; value: Json };

function mutated(body: Json, mutations: readonly Mutation[]): Json {
  let result = body;
  for (const { kind, place, key, value } of mutations) {
    const places = placesIn(result);
    const at = places[place % places.length];
    if (kind === 'replace') result = withValueAt(result, at, value);
    else if (kind === 'drop') result = withValueAt(result, at, undefined) ?? null;
    else {
      // Added to an array at its end: a key such as "length" would break the array, not the request.
      const target = at.reduce<Json>((inner, step) => (inner as Record<string | number, Json>)[step], result);
      result = withValueAt(result, [...at, Array.isArray(target) ? target.length : key], value);
    }
  }
  return result;
}

describe('no request a client can send is answered with a 500', () => {
  let t: TestApp;
  let routes: Route[];
  /** Identifiers for each path parameter: the persons and the marriage recorded, and one of each kind of wrong. */
  let identifiers: Record<string, string[]>;

  beforeAll(async () => {
    t = await startTestApp();
    const { wife, husband, marriageId } = await couple(t);
    const child = await enrol(t, { sex: 'M', dateOfBirth: '2015-03-01' });
    identifiers = { nid: [wife, husband, child, unknownNationalId()], marriageId: [marriageId], other: ['12345', 'abc', '٣٩٨٧٦٥٤٣٢١٠٩', marriageId, wife] };

    const document = (await t.request('GET', '/docs/openapi.json', { as: '' })).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, Schema> };
    };
    // The example IDs the document shows (API.md's and the demo's) become the couple recorded above.
    const ids = (text: string) => text.replace(/39876543210[39]/g, husband).replace(/41234567890[24]/g, wife);
    const resolved = (schema: Schema) => (schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema);
    const example = (schema: Schema, every: boolean): Json => {
      const s = resolved(schema);
      if (s.example !== undefined) return JSON.parse(ids(JSON.stringify(s.example)));
      if (s.enum) return s.enum[0];
      if (s.properties) {
        // Optional fields without an example are made up, so the first variant leaves them out: it is
        // the one most likely to be recorded.
        const shown = Object.entries(s.properties).filter(([key, inner]) => every || s.required?.includes(key) || resolved(inner).example !== undefined);
        return Object.fromEntries(shown.map(([key, inner]) => [key, example(inner, every)]));
      }
      if (s.type === 'array') return [example(s.items ?? {}, every)];
      if (s.allOf) return example(s.allOf[0], every);
      if (s.type === 'object') return {};
      return s.type === 'string' ? 'x' : s.type === 'number' || s.type === 'integer' ? 1 : s.type === 'boolean' ? true : null;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        queries: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        exampleQuery: (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p): [string, string] => [p.name, String(p.schema?.example ?? 'x')]),
        bodies: operation.requestBody ? [false, true].map((every) => example(operation.requestBody!.content['application/json'].schema, every)) : [],
        roles: [] as string[],
      })),
    );
    for (const route of routes) {
      for (const role of Object.keys(t.credentials)) {
        const url = route.path.replace(/\{[^}]+\}/g, husband);
        const door = await t.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${t.credentials[role]}` } });
        if (door.statusCode !== 401 && door.statusCode !== 403) route.roles.push(role);
      }
    }
    expect(routes.length).toBeGreaterThan(25);
  });
  afterAll(() => t.close());

  it('on every route, for mutated bodies, any identifier, query, role and headers', async () => {
    const mutation = fc.record({ kind: fc.constantFrom('replace', 'drop', 'add'), place: fc.nat(), key: printable, value: anyValue }) as fc.Arbitrary<Mutation>;
    const request = fc.record({
      route: fc.nat(),
      identifier: fc.oneof({ weight: 8, arbitrary: fc.nat() }, fc.string()),
      wrongIdentifier: rarely(fc.nat()),
      variant: fc.nat(),
      mutations: fc.oneof(fc.constant([] as Mutation[]), fc.array(mutation, { minLength: 1, maxLength: 3 })),
      wholeBody: rarely(anyValue),
      query: fc.oneof(fc.constant([]), fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.nat() }, printable), fc.oneof(anyValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), printable)), { minLength: 1, maxLength: 3 })),
      role: fc.oneof({ weight: 8, arbitrary: fc.nat() }, fc.option(fc.constantFrom(...Object.keys(t.credentials)))),
      purpose: rarely(printable),
      caseReference: fc.option(printable),
      idempotencyKey: rarely(printable),
      ifMatch: rarely(printable),
    });

    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes[r.route % routes.length];
        const id = (name: string) => {
          const pool = r.wrongIdentifier !== null ? identifiers.other : (identifiers[name] ?? identifiers.other);
          const pick = r.wrongIdentifier ?? r.identifier;
          return typeof pick === 'number' ? pool[pick % pool.length] : pick;
        };
        const query = new URLSearchParams(route.exampleQuery);
        for (const [name, value] of r.query) query.set(typeof name === 'number' ? (route.queries[name % route.queries.length] ?? 'x') : name, value);
        const url = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(id(name))) + (query.size > 0 ? `?${query}` : '');
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-purpose': r.purpose ?? 'fuzz' };
        const role = typeof r.role === 'number' ? route.roles[r.role % route.roles.length] : r.role;
        if (role) headers.authorization = `Bearer ${t.credentials[role]}`;
        if (r.caseReference !== null) headers['x-case-reference'] = r.caseReference;
        if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
        if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
        const example = route.bodies[r.variant % Math.max(route.bodies.length, 1)];
        const body = r.wholeBody !== null ? r.wholeBody : example === undefined ? undefined : mutated(example, r.mutations);
        const answer = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(route.method !== 'GET' && body !== undefined ? { payload: JSON.stringify(body) } : {}),
        });
        const problem = `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 500)} → ${answer.statusCode} ${answer.body.slice(0, 500)}`;
        expect({ problem, status: answer.statusCode < 500 }).toEqual({ problem, status: true });
        if (answer.statusCode >= 400) expect(answer.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: Number(process.env.SIJIL_FUZZ_REQUESTS ?? 3_000) },
    );
  });
});
