import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Gazetteer } from '../../gazetteer/gazetteer';
import type { CommandContext } from '../shared/command-context';
import { assertKnownArea } from '../shared/known-places';
import { PersonFacts, type RecordedFact } from '../shared/person-facts';
import type { RegisterDeathDto } from './register-death.dto';

export class RegisterDeathCommand extends Command<RecordedFact> {
  constructor(
    readonly nationalId: string,
    readonly body: RegisterDeathDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterDeathCommand)
export class RegisterDeathHandler implements ICommandHandler<RegisterDeathCommand> {
  constructor(
    private readonly facts: PersonFacts,
    private readonly gazetteer: Gazetteer,
  ) {}

  execute({ nationalId, body, context }: RegisterDeathCommand): Promise<RecordedFact> {
    assertKnownArea(this.gazetteer, 'placeOfDeath', body.placeOfDeath);
    return this.facts.record({
      nationalId,
      context,
      request: { nationalId, body },
      command: (metadata) => ({
        type: 'RegisterDeath',
        data: {
          dateOfDeath: body.dateOfDeath,
          placeOfDeath: body.placeOfDeath,
          causeIcd10: body.causeIcd10,
          certifier: { kind: body.certifier.kind, reference: body.certifier.reference },
        },
        metadata,
      }),
    });
  }
}
