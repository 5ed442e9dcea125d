import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import type { Agency, Role } from '../agencies/agency';
import { AgencyRegistry } from '../agencies/agency-registry';
import type { SijilConfig } from '../app/config';
import { EVENT_STORE, POLICY } from '../app/tokens';
import { BulkRecorder } from '../bulk/bulk-recorder';
import type { JurisdictionPolicy } from '../domain/policy/jurisdiction-policy';
import { Gazetteer } from '../gazetteer/gazetteer';
import { loadCountry, ratesFor, synthAreas } from '../synth/load-country';
import { EnrolPersonCommand } from '../commands/enrol-person/enrol-person.handler';
import type { EventStore } from '../event-store/event-store.port';
import { demoEnrolments } from './demo-people';

const demoAgencies: Array<{ name: string; role: Role; office?: string; area?: string }> = [
  { name: 'Benghazi district 3 civil registry office', role: 'registrar', office: 'LY-BA-03-OFF1', area: 'LY-BA-03' },
  { name: 'National registrar', role: 'supervisor' },
  { name: 'Benghazi court of first instance', role: 'court' },
  { name: 'Demo bank', role: 'verifier' },
  { name: 'Bureau of statistics', role: 'statistician' },
  { name: 'Operator', role: 'administrator' },
];

/**
 * The synthetic part of the demo: some tens of thousands of persons by the end (16,000 enrolled
 * from legacy registers, then ten years of births, deaths, marriages...), the same on every machine.
 */
export const demoSynth = { persons: 16_000, years: 10, seed: 'sijil-demo', endYear: 2025 };

/**
 * Fills an empty store with the demo country through the real command paths: the persons the
 * documentation names (API.md's examples) through the API's handlers, then a synthetic country
 * (`sijil synth`) through the bulk path, and creates one credential per role. The credentials are
 * printed once and kept in the data folder so a newcomer who closed the terminal can still click
 * through.
 */
export async function seedDemoCountry(app: NestFastifyApplication, config: SijilConfig): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  if ((await store.readAll({ maxCount: 1 })).length > 0) return;

  const registry = app.get(AgencyRegistry);
  const now = new Date().toISOString();
  const credentials: Array<{ agency: Agency; credential: string }> = [];
  for (const agency of demoAgencies) credentials.push(await registry.register({ ...agency, registeredAt: now }));

  const registrar = credentials[0].agency;
  const commands = app.get(CommandBus);
  for (const { nationalId, body } of demoEnrolments) {
    await commands.execute(new EnrolPersonCommand(body, { agency: registrar }, nationalId));
  }

  // Kept before the long part, so a newcomer who stops it midway still has them.
  const lines = credentials.map(({ agency, credential }) => `${agency.role.padEnd(13)} ${credential}`);
  const text = `Demo credentials (one per role; send as "Authorization: Bearer <credential>"):\n${lines.join('\n')}\n`;
  writeFileSync(join(config.dataDir, 'demo-credentials.txt'), text, { mode: 0o600 });

  const gazetteer = app.get(Gazetteer);
  const summary = await loadCountry(
    new BulkRecorder(store, gazetteer, app.get<JurisdictionPolicy>(POLICY)),
    ratesFor(gazetteer, { ...demoSynth, areaCodes: synthAreas(gazetteer), reservedNationalIds: demoEnrolments.map((e) => e.nationalId) }),
  );
  writeFileSync(join(config.dataDir, 'synth-summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  const load = summary.load!;
  const persons = demoEnrolments.length + (summary.recorded.EnrolPerson ?? 0) + (summary.recorded.RegisterBirth ?? 0);
  process.stdout.write(
    `Demo country recorded: ${persons} persons, ${load.events} events in ${load.seconds.toFixed(0)} s ` +
      `(synthetic, seed ${demoSynth.seed}, ${load.refused} refused; truth in ${join(config.dataDir, 'synth-summary.json')}).\n` +
      `${text}(also saved in ${join(config.dataDir, 'demo-credentials.txt')})\n`,
  );
}
