import { AgencyRegistry } from '../../src/agencies/agency-registry';
import { tempEventStore } from '../event-store/temp-event-store';

/** A proven credential is remembered; nothing else about the agency's secret may be. */
describe('AgencyRegistry.authenticate', () => {
  const temp = tempEventStore();
  const registrar = { name: 'Benghazi office', role: 'registrar' as const, office: 'LY-BA-03-OFF1', area: 'LY-BA-03', registeredAt: '2026-11-22T10:00:00Z' };

  it('answers the agency for its credential, again once it is proven', async () => {
    const registry = new AgencyRegistry(temp.store);
    const { agency, credential } = await registry.register(registrar);
    expect(await registry.authenticate(credential)).toEqual(agency);
    expect(await registry.authenticate(credential)).toEqual(agency);
  });

  it('refuses another secret for an agency whose credential was proven', async () => {
    const registry = new AgencyRegistry(temp.store);
    const { credential } = await registry.register(registrar);
    await registry.authenticate(credential);
    const last = credential.at(-1) === 'A' ? 'B' : 'A';
    expect(await registry.authenticate(`${credential.slice(0, -1)}${last}`)).toBeUndefined();
  });

  it('finds an agency registered by another process on first use', async () => {
    const { agency, credential } = await new AgencyRegistry(temp.store).register(registrar);
    expect(await new AgencyRegistry(temp.store).authenticate(credential)).toEqual(agency);
  });
});
