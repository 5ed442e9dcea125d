import { newEventId } from '../../../src/event-store/event-id';
import {
  EventStore,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevision,
} from '../../../src/event-store/event-store.port';

/**
 * What each contract test works with. Every test writes only to streams under its own random
 * prefix and reads the log only after a position it recorded first, so the suite also runs
 * against a shared server whose log already holds other events.
 */
export class ContractContext {
  store!: EventStore;
  prefix = '';

  stream = (suffix: string): string => `${this.prefix}-${suffix}`;

  mine = (events: RecordedEvent[]): RecordedEvent[] =>
    events.filter((e) => e.streamId.startsWith(this.prefix));

  /** Appends a marker and returns its position: everything the test writes comes after it. */
  mark = async (): Promise<number> =>
    (await this.store.appendToStream(this.stream('marker'), [birth()], { expectedRevision: 'any' }))
      .position;

  /** This test's events after `after`, read a page at a time, without the marker. */
  readAllMine = async (after: number): Promise<RecordedEvent[]> => {
    const all: RecordedEvent[] = [];
    for (let page = await this.store.readAll({ after, maxCount: 100 }); page.length > 0; ) {
      all.push(...page);
      page = await this.store.readAll({ after: page[page.length - 1].position, maxCount: 100 });
    }
    return this.mine(all).filter((e) => e.streamId !== this.stream('marker'));
  };
}

export const birth = (): NewEvent => ({
  id: newEventId(),
  type: 'PersonBorn',
  data: { sex: 'F', occurredOn: '2024-05-01' },
  metadata: { schemaVersion: 1 },
});

export const marriage = (): NewEvent => ({
  id: newEventId(),
  type: 'MarriageRecorded',
  data: { occurredOn: '2024-06-01' },
  metadata: { schemaVersion: 1 },
});

export const ids = (events: NewEvent[]): string[] => events.map((e) => e.id);

export const isIncreasing = (values: number[]): boolean =>
  values.every((v, i) => i === 0 || v > values[i - 1]);

export async function expectWrongRevision(
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

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer!: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
