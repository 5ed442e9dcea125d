import { join } from 'path';
import { enrolment, metadata, nid } from '../../src/domain/testing/person-fixtures';
import type { PersonEvent } from '../../src/domain/person/person-events';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { PersonStates } from '../../src/ledger/person-states';
import { personStreamId, toNewEvents } from '../../src/ledger/person-stream';
import { tempEventStore } from '../event-store/temp-event-store';

/** Remembered states must never be stale: a command decided on one could break a rule. */
describe('PersonStates', () => {
  const temp = tempEventStore();

  const append = (nationalId: string, event: PersonEvent, expectedRevision: 'no_stream' | number) =>
    temp.store.appendToStream(personStreamId(nationalId), toNewEvents([event], metadata(), 'command-1'), { expectedRevision });

  const moved = (area: string): PersonEvent =>
    ({ type: 'ResidenceChanged', data: { area, date: '2020-01-01' } }) as unknown as PersonEvent;

  it('answers the state and revision replayed from the stream', async () => {
    await append(nid(1), enrolment(), 'no_stream');
    const loaded = await new PersonStates(temp.store).load(nid(1));
    expect(loaded.revision).toBe(0);
    expect(loaded.state).toMatchObject({ status: 'alive', nationalId: nid(1) });
  });

  it('sees what was appended since it remembered the state, from this process or another', async () => {
    await append(nid(1), enrolment(), 'no_stream');
    const persons = new PersonStates(temp.store);
    const first = await persons.load(nid(1));
    const other = new SqliteEventStore(join(temp.dir.path, 'events.sqlite'));
    await other.appendToStream(personStreamId(nid(1)), toNewEvents([moved('LY-TR-01')], metadata(), 'command-2'), { expectedRevision: 0 });
    await other.close();
    const second = await persons.load(nid(1));
    expect(second.revision).toBe(1);
    expect(second.state).not.toBe(first.state);
    expect(second.state).toMatchObject({ residence: 'LY-TR-01' });
  });

  it('answers the remembered state while the stream is unchanged', async () => {
    await append(nid(1), enrolment(), 'no_stream');
    const persons = new PersonStates(temp.store);
    const first = await persons.load(nid(1));
    expect((await persons.load(nid(1))).state).toBe(first.state);
  });

  it('does not remember an unknown person, who may be registered next', async () => {
    const persons = new PersonStates(temp.store);
    expect((await persons.load(nid(2))).revision).toBe('no_stream');
    await append(nid(2), enrolment({ nationalId: nid(2) }), 'no_stream');
    expect((await persons.load(nid(2))).state).toMatchObject({ status: 'alive' });
  });

  it('forgets the least recently used state beyond its capacity', async () => {
    for (const n of [1, 2, 3]) await append(nid(n), enrolment({ nationalId: nid(n) }), 'no_stream');
    const persons = new PersonStates(temp.store, 2);
    const one = await persons.load(nid(1));
    await persons.load(nid(2));
    await persons.load(nid(1));
    const two = await persons.load(nid(2));
    await persons.load(nid(3));
    expect((await persons.load(nid(1))).state).not.toBe(one.state);
    expect((await persons.load(nid(3))).state).toBeDefined();
    expect((await persons.load(nid(2))).state).not.toBe(two.state);
  });
});
