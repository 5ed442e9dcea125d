import { RecordedEvent, WrongExpectedRevision } from '../event-store.port';
import { SingleStreamLog } from './single-stream-log';
import { EVENT_COMMITTED, TransactionAborted, committedEvent, outcomeStream } from './transaction-records';

export type Outcome =
  | { state: 'pending' }
  | { state: 'aborted'; conflict: WrongExpectedRevision }
  /** The transaction's events as readers see them, by event ID. */
  | { state: 'committed'; events: Map<string, RecordedEvent> };

const MEMO_LIMIT = 10_000;

/** A transaction's outcome, read from its outcome stream. Outcomes are final, so they are memoised. */
export class TransactionOutcomes {
  private readonly final = new Map<string, Outcome>();

  constructor(private readonly log: SingleStreamLog) {}

  async get(transactionId: string): Promise<Outcome> {
    const known = this.final.get(transactionId);
    if (known) return known;
    const outcome = toOutcome(await this.log.readStream(outcomeStream(transactionId)));
    if (outcome.state !== 'pending') this.remember(transactionId, outcome);
    return outcome;
  }

  private remember(transactionId: string, outcome: Outcome): void {
    // Maps iterate in insertion order: dropping the first entry forgets the oldest.
    if (this.final.size >= MEMO_LIMIT) this.final.delete(this.final.keys().next().value!);
    this.final.set(transactionId, outcome);
  }
}

function toOutcome(records: RecordedEvent[]): Outcome {
  if (records.length === 0) return { state: 'pending' };
  if (records[0].type === EVENT_COMMITTED) {
    return { state: 'committed', events: new Map(records.map(committedEvent).map((e) => [e.id, e])) };
  }
  const { streamId, expected, actual } = (records[0].data as TransactionAborted).conflict;
  return { state: 'aborted', conflict: new WrongExpectedRevision(streamId, expected, actual) };
}
