import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../app/clock';
import { EVENT_STORE, POLICY } from '../../app/tokens';
import { decideMarriage } from '../../domain/marriage/marriage-decide';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy';
import type { EventStore } from '../../event-store/event-store.port';
import { personStreamId } from '../../ledger/person-stream';
import { metadataOf, type CommandContext } from '../shared/command-context';
import { FactRecorder } from '../shared/fact-recorder';
import { spousesOfMarriage } from '../shared/marriage-stream';
import { loadRegistered, severalPersonsWrites } from '../shared/several-persons';
import type { RecordedMarriageFact } from '../register-marriage/register-marriage.handler';
import type { RegisterDivorceDto } from './register-divorce.dto';

export class RegisterDivorceCommand extends Command<RecordedMarriageFact> {
  constructor(
    readonly marriageId: string,
    readonly body: RegisterDivorceDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Finds the spouses by marriage ID, then records the divorce in both streams atomically. */
@CommandHandler(RegisterDivorceCommand)
export class RegisterDivorceHandler implements ICommandHandler<RegisterDivorceCommand> {
  constructor(
    private readonly recorder: FactRecorder,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  async execute({ marriageId, body, context }: RegisterDivorceCommand): Promise<RecordedMarriageFact> {
    const spouses = await spousesOfMarriage(this.store, marriageId);
    return this.recorder.record({
      clientId: context.agency.clientId,
      idempotencyKey: context.idempotencyKey,
      request: { marriageId, body },
      streams: spouses.map(personStreamId),
      attempt: async (persons) => {
        const metadata = metadataOf(context, this.clock);
        const read = await loadRegistered(persons, spouses);
        const decided = decideMarriage(
          {
            type: 'RegisterDivorce',
            data: {
              marriageId,
              spouses: [read.get(spouses[0])!.state, read.get(spouses[1])!.state],
              date: body.date,
              courtReference: body.courtReference,
            },
            metadata,
          },
          this.policy,
        );
        const { writes, facts } = severalPersonsWrites(decided, read, metadata, randomUUID());
        return { writes, result: { marriageId, facts } };
      },
    });
  }
}
