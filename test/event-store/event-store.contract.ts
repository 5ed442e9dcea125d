import { newEventId } from '../../src/event-store/event-id';
import {
  EventStore,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevision,
} from '../../src/event-store/event-store.port';

/**
 * The one contract every EventStore adapter must keep. Each test writes only to streams under
 * its own random prefix and reads the log only after a position it recorded first, so the suite
 * also runs against a shared server whose log already holds other events.
 */
export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  cleanup?: () => Promise<void> | void,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let prefix: string;
    const stream = (suffix: string): string => `${prefix}-${suffix}`;
    const mine = (events: RecordedEvent[]): RecordedEvent[] =>
      events.filter((e) => e.streamId.startsWith(prefix));

    /** Appends a marker and returns its position: everything the test writes comes after it. */
    const mark = async (): Promise<number> =>
      (await store.appendToStream(stream('marker'), [birth()], { expectedRevision: 'any' }))
        .position;

    const readAllMine = async (after: number): Promise<RecordedEvent[]> => {
      const all: RecordedEvent[] = [];
      for (let page = await store.readAll({ after, maxCount: 100 }); page.length > 0; ) {
        all.push(...page);
        page = await store.readAll({ after: page[page.length - 1].position, maxCount: 100 });
      }
      return mine(all).filter((e) => e.streamId !== stream('marker'));
    };

    beforeEach(async () => {
      prefix = `person_${newEventId().replace(/-/g, '')}`;
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
      await cleanup?.();
    });

    describe('expected revision', () => {
      it('no_stream creates a stream and refuses an existing one', async () => {
        const result = await store.appendToStream(stream('a'), [birth(), birth()], {
          expectedRevision: 'no_stream',
        });
        expect(result.nextRevision).toBe(1);

        await expectWrongRevision(
          store.appendToStream(stream('a'), [birth()], { expectedRevision: 'no_stream' }),
          { streamId: stream('a'), expected: 'no_stream', actual: 1 },
        );
      });

      it('stream_exists refuses a missing stream and accepts an existing one', async () => {
        await expectWrongRevision(
          store.appendToStream(stream('a'), [birth()], { expectedRevision: 'stream_exists' }),
          { streamId: stream('a'), expected: 'stream_exists', actual: 'no_stream' },
        );
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'no_stream' });
        const result = await store.appendToStream(stream('a'), [birth()], {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextRevision).toBe(1);
      });

      it('any appends whatever the stream holds', async () => {
        expect(
          (await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'any' }))
            .nextRevision,
        ).toBe(0);
        expect(
          (await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'any' }))
            .nextRevision,
        ).toBe(1);
      });

      it('an exact revision must be the revision of the last event', async () => {
        await store.appendToStream(stream('a'), [birth(), birth()], { expectedRevision: 'no_stream' });
        await expectWrongRevision(
          store.appendToStream(stream('a'), [birth()], { expectedRevision: 0 }),
          { streamId: stream('a'), expected: 0, actual: 1 },
        );
        const result = await store.appendToStream(stream('a'), [birth()], { expectedRevision: 1 });
        expect(result.nextRevision).toBe(2);
        expect(await store.readStream(stream('a'))).toHaveLength(3);
      });

      it('an exact revision refuses a missing stream', async () => {
        await expectWrongRevision(
          store.appendToStream(stream('a'), [birth()], { expectedRevision: 0 }),
          { streamId: stream('a'), expected: 0, actual: 'no_stream' },
        );
        expect(await store.readStream(stream('a'))).toEqual([]);
      });

      it('a refused append records nothing', async () => {
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'no_stream' });
        await expect(
          store.appendToStream(stream('a'), [birth(), birth()], { expectedRevision: 5 }),
        ).rejects.toBeInstanceOf(WrongExpectedRevision);
        expect(await store.readStream(stream('a'))).toHaveLength(1);
      });

      it('positions grow with each append', async () => {
        const first = await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'any' });
        const second = await store.appendToStream(stream('b'), [birth()], { expectedRevision: 'any' });
        expect(second.position).toBeGreaterThan(first.position);
      });
    });

    describe('idempotent re-append', () => {
      it('re-appending the same events at the same place records them once', async () => {
        const events = [birth(), birth()];
        const first = await store.appendToStream(stream('a'), events, {
          expectedRevision: 'no_stream',
        });
        const retry = await store.appendToStream(stream('a'), events, {
          expectedRevision: 'no_stream',
        });
        expect(retry.nextRevision).toBe(first.nextRevision);
        expect((await store.readStream(stream('a'))).map((e) => e.id)).toEqual(ids(events));
      });

      it('a retry with expected revision any is also recorded once', async () => {
        const events = [birth()];
        await store.appendToStream(stream('a'), events, { expectedRevision: 'any' });
        await store.appendToStream(stream('a'), events, { expectedRevision: 'any' });
        expect(await store.readStream(stream('a'))).toHaveLength(1);
      });

      it('a retried exact-revision append after a later one still succeeds once', async () => {
        const first = [birth()];
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('a'), first, { expectedRevision: 0 });
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 1 });
        const retry = await store.appendToStream(stream('a'), first, { expectedRevision: 0 });
        expect(retry.nextRevision).toBe(1);
        expect(await store.readStream(stream('a'))).toHaveLength(3);
      });
    });

    describe('atomic append to several streams', () => {
      it('records every write with its own revision', async () => {
        await store.appendToStream(stream('groom'), [birth()], { expectedRevision: 'no_stream' });
        const results = await store.appendToStreams([
          { streamId: stream('groom'), expectedRevision: 0, events: [marriage()] },
          { streamId: stream('bride'), expectedRevision: 'no_stream', events: [birth(), marriage()] },
        ]);
        expect(results.map((r) => r.nextRevision)).toEqual([1, 1]);
        expect(await store.readStream(stream('groom'))).toHaveLength(2);
        expect(await store.readStream(stream('bride'))).toHaveLength(2);
      });

      it('a failing second write leaves the first stream untouched', async () => {
        await store.appendToStream(stream('groom'), [birth()], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('bride'), [birth()], { expectedRevision: 'no_stream' });
        await expectWrongRevision(
          store.appendToStreams([
            { streamId: stream('groom'), expectedRevision: 0, events: [marriage()] },
            { streamId: stream('bride'), expectedRevision: 7, events: [marriage()] },
          ]),
          { streamId: stream('bride'), expected: 7, actual: 0 },
        );
        expect(await store.readStream(stream('groom'))).toHaveLength(1);
        expect(await store.readStream(stream('bride'))).toHaveLength(1);
      });

      it('a write without events only asserts its expected revision', async () => {
        await store.appendToStream(stream('deceased'), [birth()], { expectedRevision: 'no_stream' });
        await expectWrongRevision(
          store.appendToStreams([
            { streamId: stream('widow'), expectedRevision: 'any', events: [marriage()] },
            { streamId: stream('deceased'), expectedRevision: 'no_stream', events: [] },
          ]),
          { streamId: stream('deceased'), expected: 'no_stream', actual: 0 },
        );
        expect(await store.readStream(stream('widow'))).toEqual([]);

        await store.appendToStreams([
          { streamId: stream('widow'), expectedRevision: 'any', events: [marriage()] },
          { streamId: stream('deceased'), expectedRevision: 0, events: [] },
        ]);
        expect(await store.readStream(stream('widow'))).toHaveLength(1);
        expect(await store.readStream(stream('deceased'))).toHaveLength(1);
      });
    });

    describe('readStream', () => {
      it('returns an empty array for a missing stream', async () => {
        expect(await store.readStream(stream('nobody'))).toEqual([]);
      });

      it('returns the recorded events with their data, metadata and times', async () => {
        const event: NewEvent = {
          id: newEventId(),
          type: 'PersonBorn',
          data: { name: { given: 'محمد', family: 'الترهوني' }, sex: 'M', occurredOn: '1950-03' },
          metadata: { schemaVersion: 2, office: 'LY-BA-03-OFF1', commandId: 'c-1' },
        };
        const before = Date.now();
        await store.appendToStream(stream('a'), [event], { expectedRevision: 'no_stream' });
        const [recorded] = await store.readStream(stream('a'));
        expect(recorded).toMatchObject({ ...event, streamId: stream('a'), revision: 0 });
        expect(recorded.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        expect(Date.parse(recorded.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      });

      it('reads forwards and backwards, from a revision, a page at a time', async () => {
        const events = Array.from({ length: 10 }, () => birth());
        await store.appendToStream(stream('a'), events, { expectedRevision: 'no_stream' });

        const forwards = await store.readStream(stream('a'));
        expect(forwards.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(forwards.map((e) => e.id)).toEqual(ids(events));
        expect(isIncreasing(forwards.map((e) => e.position))).toBe(true);

        const page = await store.readStream(stream('a'), { fromRevision: 3, maxCount: 4 });
        expect(page.map((e) => e.revision)).toEqual([3, 4, 5, 6]);

        const backwards = await store.readStream(stream('a'), { direction: 'backwards' });
        expect(backwards.map((e) => e.revision)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);

        const backPage = await store.readStream(stream('a'), {
          direction: 'backwards',
          fromRevision: 5,
          maxCount: 3,
        });
        expect(backPage.map((e) => e.revision)).toEqual([5, 4, 3]);

        const last = await store.readStream(stream('a'), { direction: 'backwards', maxCount: 1 });
        expect(last.map((e) => e.revision)).toEqual([9]);

        expect(await store.readStream(stream('a'), { fromRevision: 10 })).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('returns the log in commit order after an exclusive position, a page at a time', async () => {
        const start = await mark();
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'any' });
        await store.appendToStream(stream('b'), [birth(), birth()], { expectedRevision: 'any' });
        await store.appendToStream(stream('a'), [marriage()], { expectedRevision: 'any' });

        const all = await readAllMine(start);
        expect(all.map((e) => [e.streamId, e.revision])).toEqual([
          [stream('a'), 0],
          [stream('b'), 0],
          [stream('b'), 1],
          [stream('a'), 1],
        ]);
        expect(isIncreasing(all.map((e) => e.position))).toBe(true);

        const afterSecond = mine(await store.readAll({ after: all[1].position }));
        expect(afterSecond.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));

        const one = await store.readAll({ after: start, maxCount: 1 });
        expect(one).toHaveLength(1);
      });

      it('leaves out system streams', async () => {
        const start = await mark();
        await store.appendToStream(`$${stream('bookkeeping')}`, [birth()], {
          expectedRevision: 'any',
        });
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'any' });
        const all = await store.readAll({ after: start });
        expect(all.some((e) => e.streamId.startsWith('$'))).toBe(false);
        expect(mine(all).map((e) => e.streamId)).toEqual([stream('a')]);
      });
    });

    describe('subscribeToAll', () => {
      /** Collects this test's events until `count` arrived; checks handler calls never overlap. */
      const collect = (after: number, count: number) => {
        const received: RecordedEvent[] = [];
        let inFlight = 0;
        let overlapped = false;
        let reached!: () => void;
        const done = new Promise<void>((resolve) => (reached = resolve));
        const subscription = store.subscribeToAll({
          after,
          onEvents: async (events) => {
            overlapped ||= ++inFlight > 1;
            await new Promise((resolve) => setTimeout(resolve, 1));
            received.push(...mine(events).filter((e) => e.streamId !== stream('marker')));
            inFlight--;
            if (received.length >= count) reached();
          },
        });
        return { received, done: () => withTimeout(done, 4_000), subscription, overlapped: () => overlapped };
      };

      it('catches up from a checkpoint, then follows live appends, in log order', async () => {
        const start = await mark();
        for (let i = 0; i < 5; i++) {
          await store.appendToStream(stream(`p${i}`), [birth(), birth()], { expectedRevision: 'any' });
        }
        const { received, done, subscription, overlapped } = collect(start, 16);
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.appendToStreams([
          { streamId: stream('groom'), expectedRevision: 'any', events: [marriage()] },
          { streamId: stream('bride'), expectedRevision: 'any', events: [marriage()] },
        ]);
        for (let i = 0; i < 4; i++) {
          await store.appendToStream(stream(`p${i}`), [marriage()], { expectedRevision: 'any' });
        }
        await done();
        await subscription.stop();

        expect(overlapped()).toBe(false);
        expect(received.map((e) => e.id)).toEqual((await readAllMine(start)).map((e) => e.id));
        expect(received).toHaveLength(16);
      });

      it('resumes from the checkpoint of the last handled batch without skipping or doubling', async () => {
        const start = await mark();
        await store.appendToStream(stream('a'), [birth(), birth(), birth()], {
          expectedRevision: 'no_stream',
        });
        const first = collect(start, 3);
        await first.done();
        await first.subscription.stop();
        const checkpoint = first.received[first.received.length - 1].position;

        await store.appendToStream(stream('a'), [marriage(), marriage()], { expectedRevision: 2 });
        const second = collect(checkpoint, 2);
        await second.done();
        await store.appendToStream(stream('b'), [birth()], { expectedRevision: 'no_stream' });
        await withTimeout(waitUntil(() => second.received.length === 3), 4_000);
        await second.subscription.stop();

        const delivered = [...first.received, ...second.received].map((e) => e.id);
        expect(delivered).toEqual((await readAllMine(start)).map((e) => e.id));
        expect(new Set(delivered).size).toBe(6);
      });

      it('delivers nothing after stop', async () => {
        const start = await mark();
        const { received, subscription } = collect(start, 1);
        await subscription.stop();
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'any' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(received).toEqual([]);
      });
    });

    describe('concurrency', () => {
      it('of concurrent appends at the same expected revision exactly one wins', async () => {
        await store.appendToStream(stream('a'), [birth()], { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () =>
            store.appendToStream(stream('a'), [marriage()], { expectedRevision: 0 }),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        lost.forEach((o) => expect(o.reason).toBeInstanceOf(WrongExpectedRevision));
        expect(await store.readStream(stream('a'))).toHaveLength(2);
      });

      it('acknowledges 200 concurrent appends to distinct streams and keeps them all', async () => {
        const start = await mark();
        const births = Array.from({ length: 200 }, (_, i) => ({ streamId: stream(`n${i}`), event: birth() }));
        const results = await Promise.all(
          births.map(({ streamId, event }) =>
            store.appendToStream(streamId, [event], { expectedRevision: 'no_stream' }),
          ),
        );
        expect(results.every((r) => r.nextRevision === 0)).toBe(true);
        expect(new Set(results.map((r) => r.position)).size).toBe(200);

        const all = await readAllMine(start);
        expect(new Set(all.map((e) => e.id))).toEqual(new Set(births.map((b) => b.event.id)));
        for (const { streamId, event } of births.slice(0, 20)) {
          expect((await store.readStream(streamId)).map((e) => e.id)).toEqual([event.id]);
        }
      });
    });
  });
}

const birth = (): NewEvent => ({
  id: newEventId(),
  type: 'PersonBorn',
  data: { sex: 'F', occurredOn: '2024-05-01' },
  metadata: { schemaVersion: 1 },
});

const marriage = (): NewEvent => ({
  id: newEventId(),
  type: 'MarriageRecorded',
  data: { occurredOn: '2024-06-01' },
  metadata: { schemaVersion: 1 },
});

const ids = (events: NewEvent[]): string[] => events.map((e) => e.id);

const isIncreasing = (values: number[]): boolean => values.every((v, i) => i === 0 || v > values[i - 1]);

async function expectWrongRevision(
  append: Promise<unknown>,
  expected: Pick<WrongExpectedRevision, 'streamId' | 'expected' | 'actual'>,
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  expect(error).toMatchObject(expected);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer!: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
