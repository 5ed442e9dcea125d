import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../app/clock';
import { POLICY } from '../../app/tokens';
import { decide } from '../../domain/person/person-decide';
import type { PersonCommand } from '../../domain/person/person-commands';
import type { PersonState } from '../../domain/person/person-state';
import type { CommandMetadata } from '../../domain/shared/command-metadata';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy';
import { personStreamId, toNewEvents } from '../../ledger/person-stream';
import type { CommandContext } from './command-context';
import { metadataOf } from './command-context';
import { FactRecorder } from './fact-recorder';

export interface RecordedFact {
  nationalId: string;
  eventIds: string[];
}

export interface PersonFactRequest {
  nationalId: string;
  context: CommandContext;
  /** The request as sent (path and body): what an idempotency key is compared against. */
  request: unknown;
  /** The domain command; it may read the person's current state (to name a fact it changes). */
  command: (metadata: CommandMetadata, state: PersonState) => PersonCommand | Promise<PersonCommand>;
}

/**
 * The path every command about one existing person takes: load the stream, decide, append
 * at the revision read. Use cases only say which domain command their request means.
 */
@Injectable()
export class PersonFacts {
  constructor(
    private readonly recorder: FactRecorder,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  record(request: PersonFactRequest): Promise<RecordedFact> {
    const streamId = personStreamId(request.nationalId);
    return this.recorder.record({
      clientId: request.context.agency.clientId,
      idempotencyKey: request.context.idempotencyKey,
      request: request.request,
      streams: [streamId],
      attempt: async (persons) => {
        const { state, revision } = await persons.load(request.nationalId);
        const metadata = metadataOf(request.context, this.clock);
        const events = decide(await request.command(metadata, state), state, this.policy);
        const newEvents = toNewEvents(events, metadata, randomUUID());
        return {
          writes: [{ streamId, expectedRevision: revision, events: newEvents }],
          result: { nationalId: request.nationalId, eventIds: newEvents.map((event) => event.id) },
        };
      },
    });
  }
}
