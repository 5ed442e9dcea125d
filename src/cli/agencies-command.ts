import { Command, Option } from 'commander';
import { roles, type Agency, type Role } from '../agencies/agency';
import { AgencyRegistry } from '../agencies/agency-registry';
import { loadConfig } from '../app/config';
import { Gazetteer } from '../gazetteer/gazetteer';
import { openStore } from './open-store';

interface AddOptions {
  name: string;
  role: Role;
  office?: string;
  area?: string;
  nationalId?: string;
  data?: string;
  json?: boolean;
}

/** What an agency of each role must be bound to, checked before anything is recorded. */
export function agencyBinding(options: AddOptions, gazetteer: Gazetteer): Omit<Agency, 'clientId' | 'registeredAt'> {
  const office = options.office ? gazetteer.office(options.office) : undefined;
  if (options.office && !office) throw new Error(`unknown registration office ${options.office}`);
  if (options.role === 'registrar' && !office) throw new Error('a registrar needs --office');
  if (options.role === 'citizen' && !options.nationalId) throw new Error('a citizen needs --national-id');
  if (options.area && !gazetteer.hasArea(options.area)) throw new Error(`unknown area ${options.area}`);
  return {
    name: options.name,
    role: options.role,
    ...(office ? { office: office.code, area: office.area } : {}),
    ...(options.area ? { area: options.area } : {}),
    ...(options.nationalId ? { nationalId: options.nationalId } : {}),
  };
}

export function agenciesCommand(): Command {
  const agencies = new Command('agencies').description('manage agency clients and their credentials');
  agencies
    .command('add')
    .description('create an agency client and print its credential once')
    .requiredOption('--name <name>', 'agency name, as shown in access logs')
    .addOption(new Option('--role <role>', 'what the agency may do').choices(roles).makeOptionMandatory())
    .option('--office <code>', 'registration office (registrars, supervisors)')
    .option('--area <code>', 'area an agency is limited to')
    .option('--national-id <nid>', "the citizen's own national ID")
    .option('--data <dir>', 'embedded store folder (default ./data or SIJIL_DATA)')
    .option('--json', 'print {"clientId", "credential"} as JSON')
    .action(async (options: AddOptions) => {
      const binding = agencyBinding(options, Gazetteer.load(loadConfig().gazetteerPath));
      const { store } = await openStore(options);
      try {
        const registry = new AgencyRegistry(store);
        const { agency, credential } = await registry.register({ ...binding, registeredAt: new Date().toISOString() });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ clientId: agency.clientId, credential })}\n`);
        } else {
          process.stdout.write(
            `Agency "${agency.name}" (${agency.role}) created, client ${agency.clientId}.\n` +
              `Its credential, shown only this once:\n\n  ${credential}\n\n` +
              `Send it as "Authorization: Bearer <credential>".\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
  return agencies;
}
