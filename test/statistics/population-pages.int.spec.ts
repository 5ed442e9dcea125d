import type { RecordedEvent } from '../../src/event-store/event-store.port';
import { MemoryDocuments } from '../../src/projections/population/memory-documents';
import { PopulationProjection } from '../../src/projections/population/population.projection';
import { amendedCountry } from './amended-country';

/**
 * Population's persons keep what derives their life, not the life: a batch that changes a stored
 * person derives the life it contributed again, to take it out of the cells. However the log is
 * cut into batches (one event each: every fact after a person's first re-derives a stored life),
 * the cells come out the same.
 */
describe('population cut into batches', () => {
  let events: RecordedEvent[];
  const projection = new PopulationProjection();

  beforeAll(() => {
    const types = new Set<string>(projection.eventTypes);
    events = amendedCountry('population-pages').filter((event) => types.has(event.type));
  });

  const documentsIn = async (pageSize: number) => {
    const store = new MemoryDocuments();
    for (let start = 0; start < events.length; start += pageSize) {
      const unit = store.unitOfWork();
      await projection.apply(events.slice(start, start + pageSize), unit);
      unit.commit();
    }
    const byId = (name: string) => store.findAll(name).sort((a, b) => (a.id < b.id ? -1 : 1));
    return Object.fromEntries(projection.collections.map(({ name }) => [name, byId(name)]));
  };

  it('leaves the same persons, cohorts and flows in batches of 1, 300 and 2,000 events as in one', async () => {
    const whole = await documentsIn(events.length);
    expect(whole.population_cohorts.length).toBeGreaterThan(100);
    expect(whole.population_persons.some((person) => person.motherBirth !== undefined)).toBe(true);
    for (const pageSize of [1, 300, 2_000]) expect(await documentsIn(pageSize)).toEqual(whole);
  });

  it('stores no life with a person, only the births it is derived from', async () => {
    const { population_persons: persons } = await documentsIn(events.length);
    for (const person of persons) expect(Object.keys(person)).not.toContain('life');
    expect(persons.filter((person) => typeof person.birth === 'number').length).toBeGreaterThan(2_000);
  });
});
