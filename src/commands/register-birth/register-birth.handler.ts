import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Gazetteer } from '../../gazetteer/gazetteer';
import type { CommandContext } from '../shared/command-context';
import { assertKnownArea } from '../shared/known-places';
import { NewPersonFacts } from '../shared/new-person-facts';
import type { RecordedFact } from '../shared/person-facts';
import type { RegisterBirthDto } from './register-birth.dto';

export class RegisterBirthCommand extends Command<RecordedFact> {
  constructor(
    readonly body: RegisterBirthDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RegisterBirthCommand)
export class RegisterBirthHandler implements ICommandHandler<RegisterBirthCommand> {
  constructor(
    private readonly persons: NewPersonFacts,
    private readonly gazetteer: Gazetteer,
  ) {}

  execute({ body, context }: RegisterBirthCommand): Promise<RecordedFact> {
    const { child } = body;
    assertKnownArea(this.gazetteer, 'child.placeOfBirth', child.placeOfBirth);
    return this.persons.register({
      context,
      request: body,
      motherId: body.motherId,
      fatherId: body.fatherId,
      command: (metadata, nationalId, { mother, father }) => ({
        type: 'RegisterBirth',
        data: {
          nationalId,
          name: { ...child.name },
          sex: child.sex,
          dateOfBirth: child.dateOfBirth,
          placeOfBirth: child.placeOfBirth,
          motherId: body.motherId,
          ...(body.fatherId ? { fatherId: body.fatherId } : {}),
          plurality: body.plurality,
          ...(body.birthOrder !== undefined ? { birthOrder: body.birthOrder } : {}),
          ...(body.weightGrams !== undefined ? { weightGrams: body.weightGrams } : {}),
          ...(body.attendant ? { attendant: body.attendant } : {}),
          ...(body.declarant ? { declarant: body.declarant } : {}),
          mother: mother!,
          father,
        },
        metadata,
      }),
    });
  }
}
