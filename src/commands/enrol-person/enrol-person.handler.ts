import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Gazetteer } from '../../gazetteer/gazetteer';
import type { CommandContext } from '../shared/command-context';
import { assertKnownArea } from '../shared/known-places';
import { NewPersonFacts } from '../shared/new-person-facts';
import type { RecordedFact } from '../shared/person-facts';
import type { EnrolPersonDto } from './enrol-person.dto';

export class EnrolPersonCommand extends Command<RecordedFact> {
  constructor(
    readonly body: EnrolPersonDto,
    readonly context: CommandContext,
    /** Set only when loading a register whose IDs were issued before (the demo country). */
    readonly nationalId?: string,
  ) {
    super();
  }
}

@CommandHandler(EnrolPersonCommand)
export class EnrolPersonHandler implements ICommandHandler<EnrolPersonCommand> {
  constructor(
    private readonly persons: NewPersonFacts,
    private readonly gazetteer: Gazetteer,
  ) {}

  execute({ body, context, nationalId }: EnrolPersonCommand): Promise<RecordedFact> {
    const { person, source } = body;
    assertKnownArea(this.gazetteer, 'person.placeOfBirth', person.placeOfBirth);
    return this.persons.register({
      context,
      request: body,
      nationalId,
      motherId: person.motherId,
      fatherId: person.fatherId,
      command: (metadata, issuedId, { mother, father }) => ({
        type: 'EnrolPerson',
        data: {
          nationalId: issuedId,
          name: { ...person.name },
          sex: person.sex,
          dateOfBirth: person.dateOfBirth,
          placeOfBirth: person.placeOfBirth,
          nationality: person.nationality,
          residency: person.residency,
          ...(person.motherName ? { motherName: { ...person.motherName } } : {}),
          ...(person.motherId ? { motherId: person.motherId } : {}),
          ...(person.fatherId ? { fatherId: person.fatherId } : {}),
          source: { kind: source.kind, reference: source.reference },
          mother,
          father,
        },
        metadata,
      }),
    });
  }
}
