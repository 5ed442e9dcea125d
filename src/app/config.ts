import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultPolicy, type JurisdictionPolicy } from '../domain/policy/jurisdiction-policy';

export interface SijilConfig {
  port: number;
  host: string;
  /** Folder of the embedded store; unused for the log when `eventStoreUrl` is set. */
  dataDir: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  policy: JurisdictionPolicy;
  /** A national gazetteer file; the demo country when absent. */
  gazetteerPath?: string;
}

/** A deployment's policy file may name only what differs from DOMAIN.md's defaults. */
export function loadPolicy(path?: string): JurisdictionPolicy {
  if (!path) return defaultPolicy;
  const overrides = JSON.parse(readFileSync(path, 'utf8')) as Partial<JurisdictionPolicy>;
  return {
    motherAge: { ...defaultPolicy.motherAge, ...overrides.motherAge },
    posthumousBirthDays: overrides.posthumousBirthDays ?? defaultPolicy.posthumousBirthDays,
    minimumMarriageAge: overrides.minimumMarriageAge ?? defaultPolicy.minimumMarriageAge,
    concurrentSpouses: { ...defaultPolicy.concurrentSpouses, ...overrides.concurrentSpouses },
    registerAnywhere: { ...defaultPolicy.registerAnywhere, ...overrides.registerAnywhere },
  };
}

/** A TCP port from the environment or the command line: 0 (any free one) to 65535. */
export function portNumber(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new Error(`${source} must be a port number from 0 to 65535 (got ${text})`);
  return port;
}

export function loadConfig(overrides: Partial<SijilConfig> = {}, env = process.env): SijilConfig {
  return {
    port: portNumber(env.PORT ?? '3000', 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.SIJIL_DATA ?? './data'),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongodbUrl: env.MONGODB_URL || undefined,
    policy: loadPolicy(env.SIJIL_POLICY),
    gazetteerPath: env.SIJIL_GAZETTEER || undefined,
    ...overrides,
  };
}
