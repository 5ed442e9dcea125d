import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { Clock } from '../../app/clock';
import { POLICY } from '../../app/tokens';
import { decide } from '../../domain/person/person-decide';
import type { PersonCommand } from '../../domain/person/person-commands';
import { initialState, type PersonState } from '../../domain/person/person-state';
import type { CommandMetadata } from '../../domain/shared/command-metadata';
import { issueNationalId } from '../../domain/shared/national-id';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy';
import type { StreamWrite } from '../../event-store/event-store.port';
import { personStreamId, toNewEvents } from '../../ledger/person-stream';
import { metadataOf, type CommandContext } from './command-context';
import { FactRecorder } from './fact-recorder';
import type { RecordedFact } from './person-facts';

/** Persons the new record names, loaded from their streams for the rules that read them. */
export interface Relatives {
  mother?: PersonState;
  father?: PersonState;
}

export interface NewPersonRequest {
  context: CommandContext;
  request: unknown;
  motherId?: string;
  fatherId?: string;
  /** Only for loading a register whose IDs are already issued (the demo country's documented examples). */
  nationalId?: string;
  command: (metadata: CommandMetadata, nationalId: string, relatives: Relatives) => PersonCommand;
}

/**
 * Births and enrolments open a new stream under a national ID the ledger issues. The stream
 * must not exist yet; on the rare collision with an issued ID the attempt runs again with a
 * fresh one. The parents' streams are asserted unchanged in the same atomic append, so a
 * death recorded meanwhile cannot slip under a birth dated after it.
 */
@Injectable()
export class NewPersonFacts {
  constructor(
    private readonly recorder: FactRecorder,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  register(request: NewPersonRequest): Promise<RecordedFact> {
    const parentIds = [request.motherId, request.fatherId].filter((id): id is string => id !== undefined);
    return this.recorder.record({
      clientId: request.context.agency.clientId,
      idempotencyKey: request.context.idempotencyKey,
      request: request.request,
      streams: parentIds.map(personStreamId),
      attempt: async (persons) => {
        const nationalId = request.nationalId ?? issueNationalId(() => randomInt(10));
        const [mother, father] = await Promise.all([request.motherId, request.fatherId].map((id) => (id ? persons.load(id) : undefined)));
        const metadata = metadataOf(request.context, this.clock);
        const command = request.command(metadata, nationalId, { mother: mother?.state, father: father?.state });
        const events = toNewEvents(decide(command, initialState, this.policy), metadata, randomUUID());
        const parentChecks: StreamWrite[] = [request.motherId, request.fatherId].flatMap((id, index) => {
          const loaded = [mother, father][index];
          return id && loaded ? [{ streamId: personStreamId(id), expectedRevision: loaded.revision, events: [] }] : [];
        });
        return {
          writes: [{ streamId: personStreamId(nationalId), expectedRevision: 'no_stream', events }, ...parentChecks],
          result: { nationalId, eventIds: events.map((event) => event.id) },
        };
      },
    });
  }
}
