import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../app/clock';
import { POLICY } from '../../app/tokens';
import { decideMarriage } from '../../domain/marriage/marriage-decide';
import type { JurisdictionPolicy } from '../../domain/policy/jurisdiction-policy';
import { Gazetteer } from '../../gazetteer/gazetteer';
import { personStreamId } from '../../ledger/person-stream';
import { metadataOf, type CommandContext } from '../shared/command-context';
import { FactRecorder } from '../shared/fact-recorder';
import { assertKnownArea } from '../shared/known-places';
import { marriageSpousesWrite } from '../shared/marriage-stream';
import type { RecordedFact } from '../shared/person-facts';
import { loadRegistered, severalPersonsWrites } from '../shared/several-persons';
import type { RegisterMarriageDto } from './register-marriage.dto';
import { loadSpouseKin } from './spouse-kin';

/** A marriage or divorce as recorded: the marriage and the fact in each spouse's stream. */
export interface RecordedMarriageFact {
  marriageId: string;
  facts: RecordedFact[];
}

export class RegisterMarriageCommand extends Command<RecordedMarriageFact> {
  constructor(
    readonly body: RegisterMarriageDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Both spouses' facts, the kin streams the rules read (asserted unchanged) and the marriage's
 * own system stream go in one atomic append. The ledger draws the marriage ID; a retried
 * attempt draws a fresh one, and an idempotent retry returns the first.
 */
@CommandHandler(RegisterMarriageCommand)
export class RegisterMarriageHandler implements ICommandHandler<RegisterMarriageCommand> {
  constructor(
    private readonly recorder: FactRecorder,
    private readonly clock: Clock,
    private readonly gazetteer: Gazetteer,
    @Inject(POLICY) private readonly policy: JurisdictionPolicy,
  ) {}

  execute({ body, context }: RegisterMarriageCommand): Promise<RecordedMarriageFact> {
    assertKnownArea(this.gazetteer, 'place', body.place);
    const spouses = body.spouses;
    return this.recorder.record({
      clientId: context.agency.clientId,
      idempotencyKey: context.idempotencyKey,
      request: body,
      streams: spouses.map(personStreamId),
      attempt: async (persons) => {
        const marriageId = randomUUID();
        const metadata = metadataOf(context, this.clock);
        const read = await loadRegistered(persons, spouses);
        const kin = await loadSpouseKin(persons, spouses, read);
        const decided = decideMarriage(
          {
            type: 'RegisterMarriage',
            data: {
              marriageId,
              spouses: [read.get(spouses[0])!.state, read.get(spouses[1])!.state],
              kin,
              date: body.date,
              place: body.place,
              contractReference: body.contractReference,
            },
            metadata,
          },
          this.policy,
        );
        const { writes, facts } = severalPersonsWrites(decided, read, metadata, randomUUID());
        return { writes: [...writes, marriageSpousesWrite(marriageId, spouses)], result: { marriageId, facts } };
      },
    });
  }
}
