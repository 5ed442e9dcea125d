import type { PersonEvent } from '../../domain/person/person-events';
import type { RecordedEvent } from '../../event-store/event-store.port';
import { enrolled } from '../../../test/projections/person-log';
import { MapUnitOfWork } from '../../../test/projections/map-unit-of-work';
import { PERSON_LOG, type PersonLogDocument } from './person-documents';
import { PersonsProjection } from './persons.projection';

// A test-only history: PersonEnrolled at version 2, upcast from 1 by naming the source anew.
jest.mock('../../domain/events/upcasters', () => {
  const actual = jest.requireActual('../../domain/events/upcasters');
  const personEventVersions = { ...actual.personEventVersions, PersonEnrolled: 2 };
  const registry = actual.createUpcasterRegistry(personEventVersions);
  registry.register('PersonEnrolled', 1, (data: Record<string, unknown>) => ({ ...data, source: { kind: 'legacy-register', reference: 'upcast' } }));
  return { ...actual, personEventVersions, upcast: (type: string, version: number, data: unknown) => registry.upcast(type, version, data) };
});

const at = (nationalId: string, event: PersonEvent, schemaVersion: number): RecordedEvent => ({
  id: `ev-${nationalId}`,
  streamId: `person-${nationalId}`,
  revision: 0,
  position: 1,
  type: event.type,
  data: event.data,
  dataJson: JSON.stringify(event.data),
  metadata: { schemaVersion },
  recordedAt: '2026-01-01T10:00:00.000Z',
});

describe('persons projection over events stored at an older version', () => {
  it('keeps the upcast data in the log, not the text the log holds, and the text of a current event', async () => {
    const unit = new MapUnitOfWork();
    await new PersonsProjection().apply([at('p1', enrolled('p1'), 1), at('p2', enrolled('p2'), 2)], unit);
    const logs = unit.all<PersonLogDocument>(PERSON_LOG);
    expect(logs.get('p1')!.events[0].event.data).toMatchObject({ source: { reference: 'upcast' } });
    expect(logs.get('p2')!.events[0].event).toEqual(enrolled('p2'));
    for (const id of ['p1', 'p2']) expect(unit.collections.get(PERSON_LOG)!.get(id)).toBe(JSON.stringify(logs.get(id)));
  });
});
