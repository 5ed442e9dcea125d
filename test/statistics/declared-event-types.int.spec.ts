import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { MemoryDocuments } from '../../src/projections/population/memory-documents';
import { projections } from '../../src/projections/registry';
import type { Projection } from '../../src/read-models/projection';
import { generateCountry } from '../../src/synth/country-generator';
import { InMemoryLedger } from '../../src/synth/in-memory-ledger';

/**
 * A projection that declares the event types it reads is given only those (Projection.eventTypes):
 * on a synthetic country, which records every kind of fact and corrections of them, each such
 * projection leaves the same documents given only its types as given the whole log.
 */
describe('the event types a projection declares', () => {
  let events: RecordedEvent[];

  beforeAll(() => {
    const ledger = new InMemoryLedger();
    for (const step of generateCountry({ persons: 3_000, years: 4, seed: 'declared-types', areaCodes: ['LY-BA-01', 'LY-BA-03', 'LY-TB-01'] }).steps) ledger.record(step);
    // The generator corrects and annuls nothing: a correction or annulment of every tenth fact.
    const amended = ledger.log.flatMap((fact, i) => {
      if (i % 10 !== 0) return [fact];
      const { streamId, metadata, recordedAt } = fact;
      const id = `${fact.id}-amended`;
      const date = '2030-01-01';
      if (i % 70 === 0) return [fact, { streamId, id, type: 'RegistrationAnnulled', data: { annulledEventId: fact.id, date }, metadata, recordedAt }];
      const changes = [{ field: 'dateOfBirth', to: '1970-01-01' }, { field: 'area', to: 'LY-TB-01' }, { field: 'date', to: '2020-02-02' }];
      return [fact, { streamId, id, type: 'RecordCorrected', data: { correctedEventId: fact.id, changes, date }, metadata, recordedAt }];
    });
    const revisions = new Map<string, number>();
    events = amended.map((event, i) => {
      const revision = (revisions.get(event.streamId) ?? -1) + 1;
      revisions.set(event.streamId, revision);
      return { ...event, revision, position: i + 1, metadata: event.metadata as RecordedEvent['metadata'] };
    });
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
