import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE } from '../../app/tokens';
import {
  WrongExpectedRevision,
  type EventStore,
  type StreamWrite,
} from '../../event-store/event-store.port';
import { PersonStates, type PersonReads, type Recall } from '../../ledger/person-states';
import { claimFor, rememberedResult, rememberWrite, type IdempotencyClaim } from './idempotency';
import { KeyedLock } from './keyed-lock';
import { WritePositions } from './write-positions';

/** One attempt at a command: load what it needs, decide, and say what to append. */
export interface Decision<Result> {
  writes: StreamWrite[];
  result: Result;
}

export interface FactRequest<Result> {
  clientId: string;
  idempotencyKey?: string;
  /** What the client sent, as a whole: the same key with another request is a conflict. */
  request: unknown;
  /** Streams the command decides on; commands sharing one are decided one at a time here. */
  streams: string[];
  /** Run again from scratch on a concurrency conflict or a refusal, reading persons through `persons` only. */
  attempt: (persons: PersonReads) => Promise<Decision<Result>>;
}

const maxAttempts = 8;

/**
 * Records the facts a command decides, with optimistic concurrency: each write carries the
 * revision its decision read, and a conflicting concurrent change makes the whole command run
 * again on fresh state. Nothing is appended unless every rule passed.
 *
 * The first attempt decides on remembered person states without confirming them, which is safe
 * because nothing is answered on them unconfirmed: an append succeeds only at the revisions read,
 * and a conflict or a refusal makes the command run again on confirmed states.
 */
@Injectable()
export class FactRecorder {
  private readonly lock = new KeyedLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly persons: PersonStates,
    @Optional() private readonly positions?: WritePositions,
  ) {}

  async record<Result>(command: FactRequest<Result>): Promise<Result> {
    const claim = claimFor(command.clientId, command.idempotencyKey, command.request);
    const keys = claim ? [...command.streams, claim.streamId] : command.streams;
    return this.lock.run(keys, () => this.decideAndAppend(command, claim));
  }

  private async decideAndAppend<Result>(
    command: FactRequest<Result>,
    claim: IdempotencyClaim | undefined,
  ): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      if (claim) {
        const first = await rememberedResult(this.store, claim);
        if (first !== undefined) return first as Result;
      }
      const recall: Recall = attempt === 1 ? 'trusting' : 'confirming';
      let decision: Decision<Result>;
      try {
        decision = await command.attempt(this.persons.reads(recall));
      } catch (refusal) {
        if (recall === 'trusting') continue;
        throw refusal;
      }
      const { writes, result } = decision;
      const all = claim ? [...writes, rememberWrite(claim, result)] : writes;
      try {
        const appended = await (all.length === 1
          ? this.store.appendToStream(all[0].streamId, all[0].events, all[0]).then((one) => [one])
          : this.store.appendToStreams(all));
        for (const write of writes) if (write.events.length > 0) this.persons.forget(write.streamId);
        // Read-your-writes: the client's next person read waits for this position.
        this.positions?.wrote(command.clientId, Math.max(...appended.map(({ position }) => position)));
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= maxAttempts) throw error;
      }
    }
  }
}
