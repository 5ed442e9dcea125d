import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AgencyRegistry } from '../../src/agencies/agency-registry';
import { loadConfig } from '../../src/app/config';
import { createApp } from '../../src/app/create-app';
import { EnrolPersonCommand } from '../../src/commands/enrol-person/enrol-person.handler';
import { createEventStore } from '../../src/event-store/create-event-store';

/**
 * What every benchmark server shares: the product's app on a store in SIJIL_DATA with one extra
 * route, a registrar credential, persons enrolled through the real command path, and the JSON
 * line it prints once it listens (the load generator reads it).
 */
export async function openBenchApp(extraController: Type, runProjections: boolean) {
  const config = loadConfig({ port: 0, host: '127.0.0.1' });
  const store = await createEventStore({ dataDir: config.dataDir });
  const app: NestFastifyApplication = await createApp({ config, store, extraControllers: [extraController], runProjections });
  const { agency, credential } = await new AgencyRegistry(store).register({
    name: 'bench registrar',
    role: 'registrar',
    office: 'LY-BA-03-OFF1',
    area: 'LY-BA-03',
    registeredAt: new Date().toISOString(),
  });
  const commands = app.get(CommandBus);

  /** Enrols `count` persons (women, or alternately women and men) and returns their national IDs. */
  const enrol = async (count: number, sexOf: (i: number) => 'F' | 'M' = () => 'F'): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const sex = sexOf(i);
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
    return ids;
  };

  /**
   * Listens on a free port, prints `{url, credential, ...ready}` and closes cleanly on SIGTERM or
   * SIGINT (so a server run by hand under `node --cpu-prof` writes its profile when stopped).
   */
  const serve = async (ready: Record<string, unknown>): Promise<void> => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.getHttpServer().address() as AddressInfo).port;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, credential, ...ready })}\n`);
    const close = () => void app.close().then(() => store.close()).then(() => process.exit(0));
    process.once('SIGTERM', close);
    process.once('SIGINT', close);
  };

  return { app, enrol, serve };
}
