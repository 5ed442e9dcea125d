import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { AgencyRegistry } from '../agencies/agency-registry';
import { portNumber } from '../app/config';
import { createApp } from '../app/create-app';
import { openStore } from './open-store';
import { rebuildThreads } from './projections-command';

interface ServeOptions {
  port?: string;
  data?: string;
  demo?: boolean;
  /** False with --no-projections: a `sijil projections run` worker runs them. */
  projections?: boolean;
}

const firstCredentialHelp = (dataDir: string) =>
  'No agency credential exists yet. Create the first one, for example:\n' +
  `  bin/sijil agencies add --name "Benghazi registry office" --role registrar --office LY-BA-03-OFF1 --data ${dataDir}\n`;

export function serveCommand(): Command {
  return new Command('serve')
    .description('start the API on the embedded store, or on EventStoreDB when EVENTSTORE_URL is set')
    .option('--port <port>', 'HTTP port (env PORT)')
    .option('--data <dir>', 'embedded store folder (env SIJIL_DATA, default ./data)')
    .option('--demo', 'fill an empty store with a demo country')
    .option('--no-projections', 'do not run the projections here (a `sijil projections run` worker does)')
    .action(async (options: ServeOptions) => {
      const chosenPort = options.port !== undefined ? portNumber(options.port, '--port') : undefined;
      const { config, store } = await openStore(options);
      const port = chosenPort ?? config.port;
      const app = await createApp({ config, store, runProjections: options.projections !== false, catchUpThreads: rebuildThreads({ data: config.dataDir }) });
      if (options.demo) {
        const { seedDemoCountry } = await import('../demo/seed-demo-country');
        await seedDemoCountry(app, config);
      }
      await app.listen({ port, host: config.host });
      const bound = (app.getHttpServer().address() as AddressInfo).port;
      process.stdout.write(`Sijil is listening on http://localhost:${bound} (API docs at /docs)\n`);
      if ((await new AgencyRegistry(store).list()).length === 0) {
        process.stdout.write(firstCredentialHelp(config.dataDir));
      }
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGTERM', () => void stop());
      process.once('SIGINT', () => void stop());
    });
}
