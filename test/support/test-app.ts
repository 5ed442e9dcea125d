import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '../../src/agencies/agency';
import { AgencyRegistry } from '../../src/agencies/agency-registry';
import { Clock } from '../../src/app/clock';
import { loadConfig } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { createEventStore } from '../../src/event-store/create-event-store';
import type { EventStore } from '../../src/event-store/event-store.port';

/** A clock tests can set: facts are recorded on known instants. */
export class FixedClock extends Clock {
  constructor(private instant = new Date('2026-11-22T09:00:00Z')) {
    super();
  }
  now(): Date {
    return this.instant;
  }
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export interface Response {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

export interface TestApp {
  app: NestFastifyApplication;
  store: EventStore;
  clock: FixedClock;
  dataDir: string;
  /** Credentials by name: registrar (LY-BA-03-OFF1), tripoliRegistrar (LY-TB-01-OFF1), supervisor, court, verifier, statistician, administrator. */
  credentials: Record<string, string>;
  request(method: string, url: string, options?: { as?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Citizen credential for one person. */
  citizen(nationalId: string): Promise<string>;
  close(): Promise<void>;
}

const agencies: Array<[string, Role, { office?: string }]> = [
  ['registrar', 'registrar', { office: 'LY-BA-03-OFF1' }],
  ['tripoliRegistrar', 'registrar', { office: 'LY-TB-01-OFF1' }],
  ['supervisor', 'supervisor', {}],
  ['court', 'court', {}],
  ['verifier', 'verifier', {}],
  ['statistician', 'statistician', {}],
  ['administrator', 'administrator', {}],
];

const officeAreas: Record<string, string> = { 'LY-BA-03-OFF1': 'LY-BA-03', 'LY-TB-01-OFF1': 'LY-TB-01' };

/** The whole HTTP application on a temporary embedded store, with one credential per role. */
export async function startTestApp(): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sijil-e2e-'));
  const config = loadConfig({ dataDir, eventStoreUrl: undefined, mongodbUrl: undefined }, {});
  const store = await createEventStore({ dataDir });
  const clock = new FixedClock();
  const app = await createApp({ config, store, clock });
  const registry = new AgencyRegistry(store);
  const credentials: Record<string, string> = {};
  for (const [name, role, { office }] of agencies) {
    const area = office ? officeAreas[office] : undefined;
    const registered = await registry.register({
      name,
      role,
      ...(office ? { office, area } : {}),
      registeredAt: clock.now().toISOString(),
    });
    credentials[name] = registered.credential;
  }

  const request: TestApp['request'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as === undefined ? 'registrar' : options.as;
    if (as) headers.authorization = `Bearer ${credentials[as] ?? as}`;
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    const body = type.includes('json') ? response.json() : response.body;
    return { status: response.statusCode, body, headers: response.headers };
  };

  return {
    app,
    store,
    clock,
    dataDir,
    credentials,
    request,
    async citizen(nationalId) {
      const registered = await registry.register({
        name: `citizen ${nationalId}`,
        role: 'citizen',
        nationalId,
        registeredAt: clock.now().toISOString(),
      });
      return registered.credential;
    },
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
