import { join } from 'path';
import { enrolment, metadata, nid } from '../../src/domain/testing/person-fixtures';
import type { PersonEvent } from '../../src/domain/person/person-events';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { FactRecorder } from '../../src/commands/shared/fact-recorder';
import { PersonStates, type PersonReads } from '../../src/ledger/person-states';
import { personStreamId, toNewEvents } from '../../src/ledger/person-stream';
import { tempEventStore } from '../event-store/temp-event-store';

/**
 * A command's first attempt decides on remembered states without confirming them; nothing may
 * be answered on a stale one, whether another process or this one changed the person.
 */
describe('FactRecorder on remembered person states', () => {
  const temp = tempEventStore();
  const streamId = personStreamId(nid(1));

  const moved = (area: string): PersonEvent =>
    ({ type: 'ResidenceChanged', data: { area, date: '2020-01-01' } }) as unknown as PersonEvent;

  async function setUp() {
    await temp.store.appendToStream(streamId, toNewEvents([enrolment()], metadata(), 'command-1'), { expectedRevision: 'no_stream' });
    const persons = new PersonStates(temp.store);
    await persons.load(nid(1));
    return { persons, recorder: new FactRecorder(temp.store, persons) };
  }

  async function moveElsewhere() {
    const other = new SqliteEventStore(join(temp.dir.path, 'events.sqlite'));
    await other.appendToStream(streamId, toNewEvents([moved('LY-TR-01')], metadata(), 'command-2'), { expectedRevision: 0 });
    await other.close();
  }

  /** A command that reads the person, refuses unless `accepts`, and appends `events` at the revision read. */
  const command = (accepts: (residence: unknown) => boolean, events: PersonEvent[] = []) => {
    const residences: unknown[] = [];
    const attempt = async (persons: PersonReads) => {
      const { state, revision } = await persons.load(nid(1));
      const residence = (state as { residence?: unknown }).residence;
      residences.push(residence);
      if (!accepts(residence)) throw new Error(`refused in ${String(residence)}`);
      return { writes: [{ streamId, expectedRevision: revision, events: toNewEvents(events, metadata(), 'command-3') }], result: residence };
    };
    return { residences, request: { clientId: 'registrar-1', request: {}, streams: [streamId], attempt } };
  };

  it('decides a refusal again on the confirmed state before answering it', async () => {
    const { recorder } = await setUp();
    await moveElsewhere();
    const { residences, request } = command((residence) => residence === 'LY-TR-01');
    await expect(recorder.record(request)).resolves.toBe('LY-TR-01');
    expect(residences).toEqual([undefined, 'LY-TR-01']);
  });

  it('runs again on the confirmed state when the append finds the remembered one stale', async () => {
    const { recorder } = await setUp();
    await moveElsewhere();
    const { residences, request } = command(() => true);
    await expect(recorder.record(request)).resolves.toBe('LY-TR-01');
    expect(residences).toEqual([undefined, 'LY-TR-01']);
  });

  it('forgets a state it has just appended to, so the next command starts from the new one', async () => {
    const { recorder } = await setUp();
    await recorder.record(command(() => true, [moved('LY-BA-03')]).request);
    const { residences, request } = command(() => true);
    await expect(recorder.record(request)).resolves.toBe('LY-BA-03');
    expect(residences).toEqual(['LY-BA-03']);
  });
});
