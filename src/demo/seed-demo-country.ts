import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import type { Agency, Role } from '../agencies/agency';
import { AgencyRegistry } from '../agencies/agency-registry';
import type { SijilConfig } from '../app/config';
import { EVENT_STORE } from '../app/tokens';
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
 * Fills an empty store with a small demo country through the real command path, and creates
 * one credential per role. The credentials are printed once and kept in the data folder so a
 * newcomer who closed the terminal can still click through.
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

  const lines = credentials.map(({ agency, credential }) => `${agency.role.padEnd(13)} ${credential}`);
  const text = `Demo credentials (one per role; send as "Authorization: Bearer <credential>"):\n${lines.join('\n')}\n`;
  writeFileSync(join(config.dataDir, 'demo-credentials.txt'), text, { mode: 0o600 });
  process.stdout.write(`Demo country recorded: ${demoEnrolments.length} persons.\n${text}(also saved in ${join(config.dataDir, 'demo-credentials.txt')})\n`);
}
