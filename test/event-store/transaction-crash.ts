import { newEventId } from '../../src/event-store/event-id';
import { NewEvent, RecordedEvent, Subscription } from '../../src/event-store/event-store.port';
import { SingleStreamLog } from '../../src/event-store/multi-stream-transaction/single-stream-log';
import { TransactionalEventStore } from '../../src/event-store/multi-stream-transaction/transactional-event-store';
import { ProcessDied, dyingAfter } from './single-stream-logs';

/**
 * A marriage is appended to both spouses' streams by a process that dies after a given number of
 * appends to the log (journal, groom, bride, commit). Another process recovers. Readers, including
 * a subscription that was following the log all along, must see both spouses' events or neither.
 */
const CRASH_POINTS = [
  { point: 'before the first write', appendsBeforeDeath: 0, rolledForward: false },
  { point: 'after the journal, before the first stream write', appendsBeforeDeath: 1, rolledForward: true },
  { point: 'between the two stream writes', appendsBeforeDeath: 2, rolledForward: true },
  { point: 'before the commit record', appendsBeforeDeath: 3, rolledForward: true },
];

export function describeTransactionCrashRecovery(
  name: string,
  openLog: () => Promise<SingleStreamLog>,
  cleanup?: () => Promise<void> | void,
): void {
  describe(`multi-stream transaction crash recovery: ${name}`, () => {
    let log: SingleStreamLog;
    let observer: TransactionalEventStore;
    let prefix: string;
    let start: number;
    let followed: ReturnType<typeof follow>;
    const stream = (suffix: string): string => `${prefix}-${suffix}`;
    const groom = (): string => stream('groom');
    const bride = (): string => stream('bride');
    const mine = (events: RecordedEvent[]): RecordedEvent[] => events.filter((e) => e.streamId.startsWith(prefix));

    beforeEach(async () => {
      prefix = `person_${newEventId().replace(/-/g, '')}`;
      log = await openLog();
      observer = new TransactionalEventStore(log);
      await observer.appendToStream(groom(), [fact('PersonBorn')], { expectedRevision: 'no_stream' });
      start = (await observer.appendToStream(bride(), [fact('PersonBorn')], { expectedRevision: 'no_stream' }))
        .position;
      followed = follow(observer, start, mine);
    });

    afterEach(async () => {
      await followed.subscription.stop();
      await log.close();
      await cleanup?.();
    });

    const marry = (store: TransactionalEventStore, marriage: NewEvent[]) =>
      store.appendToStreams([
        { streamId: groom(), expectedRevision: 0, events: [marriage[0]] },
        { streamId: bride(), expectedRevision: 0, events: [marriage[1]] },
      ]);

    /** What readStream, readAll and the subscription show after the recovering process is done. */
    const seenByReaders = async () => {
      const sentinel = fact('Sentinel');
      await observer.appendToStream(stream('sentinel'), [sentinel], { expectedRevision: 'any' });
      await followed.until(sentinel.id);
      const inLog = mine(await observer.readAll({ after: start })).filter((e) => e.id !== sentinel.id);
      return {
        groom: (await observer.readStream(groom())).map((e) => e.type),
        bride: (await observer.readStream(bride())).map((e) => e.type),
        readAll: inLog.map((e) => e.id),
        subscription: followed.received.filter((e) => e.id !== sentinel.id).map((e) => e.id),
      };
    };

    it.each(CRASH_POINTS)(
      'a crash $point leaves both spouses married or neither',
      async ({ appendsBeforeDeath, rolledForward }) => {
        const marriage = [fact('MarriageRegistered'), fact('MarriageRegistered')];
        await expect(marry(new TransactionalEventStore(dyingAfter(log, appendsBeforeDeath)), marriage)).rejects.toBeInstanceOf(
          ProcessDied,
        );
        expect((await observer.readStream(groom())).map((e) => e.type)).toEqual(['PersonBorn']);
        expect((await observer.readStream(bride())).map((e) => e.type)).toEqual(['PersonBorn']);

        await new TransactionalEventStore(log).recover();

        const seen = await seenByReaders();
        const married = rolledForward ? ['PersonBorn', 'MarriageRegistered'] : ['PersonBorn'];
        expect(seen.groom).toEqual(married);
        expect(seen.bride).toEqual(married);
        expect(seen.readAll).toEqual(rolledForward ? marriage.map((e) => e.id) : []);
        expect(seen.subscription).toEqual(seen.readAll);
      },
    );

    it('recovery aborts when a spouse took another fact between the crash and recovery', async () => {
      const marriage = [fact('MarriageRegistered'), fact('MarriageRegistered')];
      // Dies after the journal and the groom's write: the groom's event is in his stream, hidden.
      await expect(marry(new TransactionalEventStore(dyingAfter(log, 2)), marriage)).rejects.toBeInstanceOf(ProcessDied);
      const death = fact('DeathRegistered');
      await observer.appendToStream(bride(), [death], { expectedRevision: 0 });

      const report = await new TransactionalEventStore(log).recover();
      expect(report.aborted).toBeGreaterThanOrEqual(1);

      const seen = await seenByReaders();
      expect(seen.groom).toEqual(['PersonBorn']);
      expect(seen.bride).toEqual(['PersonBorn', 'DeathRegistered']);
      expect(seen.readAll).toEqual([death.id]);
      expect(seen.subscription).toEqual([death.id]);

      // The aborted event stays hidden for ever, and the groom's next fact goes after what readers see.
      const next = fact('MarriageRegistered');
      await observer.appendToStream(groom(), [next], { expectedRevision: 0 });
      expect((await observer.readStream(groom())).map((e) => e.id)).not.toContain(marriage[0].id);
      expect((await observer.readStream(groom())).map((e) => e.type)).toEqual(['PersonBorn', 'MarriageRegistered']);
    });
  });
}

const fact = (type: string): NewEvent => ({
  id: newEventId(),
  type,
  data: { occurredOn: '2024-06-01' },
  metadata: { schemaVersion: 1 },
});

/** A subscription from `after` that keeps this test's events and can wait for a given one. */
function follow(store: TransactionalEventStore, after: number, mine: (events: RecordedEvent[]) => RecordedEvent[]) {
  const received: RecordedEvent[] = [];
  const subscription: Subscription = store.subscribeToAll({
    after,
    onEvents: (events) => {
      received.push(...mine(events));
    },
  });
  const until = async (id: string): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (!received.some((e) => e.id === id)) {
      if (Date.now() > deadline) throw new Error(`subscription never delivered ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { received, subscription, until };
}
