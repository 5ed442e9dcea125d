import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../shared/command-context';
import { AmendedFacts, type RecordedAmendment } from '../shared/amended-facts';
import type { AnnulRegistrationDto } from './annul-registration.dto';

export class AnnulRegistrationCommand extends Command<RecordedAmendment> {
  constructor(
    readonly nationalId: string,
    readonly body: AnnulRegistrationDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AnnulRegistrationCommand)
export class AnnulRegistrationHandler implements ICommandHandler<AnnulRegistrationCommand> {
  constructor(private readonly amendments: AmendedFacts) {}

  execute({ nationalId, body, context }: AnnulRegistrationCommand): Promise<RecordedAmendment> {
    return this.amendments.record({
      nationalId,
      eventId: body.eventId,
      context,
      request: { nationalId, body },
      command: (metadata, annulledEventId) => ({
        type: 'AnnulRegistration',
        data: {
          annulledEventId,
          courtReference: body.courtReference,
          reason: body.reason,
          date: body.date ?? metadata.now.slice(0, 10),
        },
        metadata,
      }),
    });
  }
}
