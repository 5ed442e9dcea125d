import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { AgencyRegistry } from '../../src/agencies/agency-registry';
import { loadConfig } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { EnrolPersonCommand } from '../../src/commands/enrol-person/enrol-person.handler';
import { createEventStore } from '../../src/event-store/create-event-store';
import { CeilingController } from './ceiling.controller';

/**
 * The server the HTTP benchmarks load, in its own process so the load generator does not share
 * its event loop: the product's app plus the ceiling route, a registrar credential, and mothers
 * enrolled through the real command path. Prints one JSON line when ready.
 */
async function main(): Promise<void> {
  const mothers = Number(process.env.BENCH_MOTHERS ?? 1000);
  const config = loadConfig({ port: 0, host: '127.0.0.1' });
  const store = await createEventStore({ dataDir: config.dataDir });
  // The API as production deploys it for writes: projections run in their own worker process
  // (`sijil serve --no-projections` beside `sijil projections run`), not on the API's event loop.
  const app = await createApp({ config, store, extraControllers: [CeilingController], runProjections: false });
  const { agency, credential } = await new AgencyRegistry(store).register({
    name: 'bench registrar',
    role: 'registrar',
    office: 'LY-BA-03-OFF1',
    area: 'LY-BA-03',
    registeredAt: new Date().toISOString(),
  });
  const commands = app.get(CommandBus);
  const motherIds: string[] = [];
  for (let i = 0; i < mothers; i++) {
    const { nationalId } = await commands.execute(
      new EnrolPersonCommand(
        {
          person: {
            name: { given: 'فاطمة', father: 'محمد', grandfather: 'سالم', family: `العبيدي ${i}` },
            sex: 'F', dateOfBirth: '1990-01-01', placeOfBirth: 'LY-BA-03', nationality: 'LY', residency: 'citizen',
          },
          source: { kind: 'legacy-register', reference: `bench register, page ${i}` },
        },
        { agency },
      ),
    );
    motherIds.push(nationalId);
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.getHttpServer().address() as AddressInfo).port;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, credential, motherIds })}\n`);
  process.once('SIGTERM', () => void app.close().then(() => store.close()).then(() => process.exit(0)));
}

void main();
