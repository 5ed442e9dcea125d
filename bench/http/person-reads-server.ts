import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { AgencyRegistry } from '../../src/agencies/agency-registry';
import { loadConfig } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { EnrolPersonCommand } from '../../src/commands/enrol-person/enrol-person.handler';
import { createEventStore } from '../../src/event-store/create-event-store';
import { ReadSide } from '../../src/read-models/engine/read-side';
import { BareReadController } from './bare-read.controller';

/**
 * The server the person-reads HTTP benchmark loads, in its own process: the product's app plus the
 * bare read route, a registrar credential, and persons enrolled through the real command path and
 * projected by the engine before it says it is ready (one JSON line).
 */
async function main(): Promise<void> {
  const persons = Number(process.env.BENCH_PERSONS ?? 2000);
  const config = loadConfig({ port: 0, host: '127.0.0.1' });
  const store = await createEventStore({ dataDir: config.dataDir });
  const app = await createApp({ config, store, extraControllers: [BareReadController] });
  const { agency, credential } = await new AgencyRegistry(store).register({
    name: 'bench registrar',
    role: 'registrar',
    office: 'LY-BA-03-OFF1',
    area: 'LY-BA-03',
    registeredAt: new Date().toISOString(),
  });
  const commands = app.get(CommandBus);
  const ids: string[] = [];
  for (let i = 0; i < persons; i++) {
    const sex = i % 2 ? 'M' : 'F';
    const { nationalId } = await commands.execute(
      new EnrolPersonCommand(
        {
          person: {
            name: { given: sex === 'F' ? 'فاطمة' : 'محمد', father: 'محمد', grandfather: 'سالم', family: `العبيدي ${i}` },
            sex, dateOfBirth: '1990-01-01', placeOfBirth: 'LY-BA-03', nationality: 'LY', residency: 'citizen',
            motherName: { given: 'خديجة', family: 'المسماري' },
          },
          source: { kind: 'legacy-register', reference: `bench register, page ${i}` },
        },
        { agency },
      ),
    );
    ids.push(nationalId);
  }
  await app.get(ReadSide).engine.waitForHead({ timeoutMs: 120_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.getHttpServer().address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, credential, ids })}\n`);
  process.once('SIGTERM', () => void app.close().then(() => store.close()).then(() => process.exit(0)));
}

void main();
