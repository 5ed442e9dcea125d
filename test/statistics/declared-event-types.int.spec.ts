import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { MemoryDocuments } from '../../src/projections/population/memory-documents';
import { projections } from '../../src/projections/registry';
import type { Projection } from '../../src/read-models/projection';
import { amendedCountry } from './amended-country';

/**
 * A projection that declares the event types it reads is given only those (Projection.eventTypes):
 * on a synthetic country, which records every kind of fact and corrections of them, each such
 * projection leaves the same documents given only its types as given the whole log.
 */
describe('the event types a projection declares', () => {
  let events: RecordedEvent[];

  beforeAll(() => {
    events = amendedCountry('declared-types');
  });

  const documentsOf = async (projection: Projection, log: RecordedEvent[]) => {
    const store = new MemoryDocuments();
    for (let start = 0; start < log.length; start += 2_000) {
      const unit = store.unitOfWork();
      await projection.apply(log.slice(start, start + 2_000), unit);
      unit.commit();
    }
    // By ID: which page first wrote a document does not matter.
    const byId = (name: string) => store.findAll(name).sort((a, b) => (a.id < b.id ? -1 : 1));
    return Object.fromEntries(projection.collections.map(({ name }) => [name, byId(name)]));
  };

  const declaring = projections.filter((projection) => projection.eventTypes);

  it('are declared by population and person-search, and the log holds others too', () => {
    expect(declaring.map((projection) => projection.name).sort()).toEqual(['person-search', 'population']);
    for (const projection of declaring) expect(events.some((event) => !projection.eventTypes!.includes(event.type))).toBe(true);
  });

  it.each(declaring.map((projection) => [projection.name, projection] as const))('are all %s reads', async (_, projection) => {
    const types = new Set(projection.eventTypes);
    const given = await documentsOf(projection, events.filter((event) => types.has(event.type)));
    expect(given).toEqual(await documentsOf(projection, events));
    expect(Object.values(given).flat().length).toBeGreaterThan(1_000);
  });
});
