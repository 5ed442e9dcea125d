import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IssuingCommand, recordIssuing, type RecordedWith } from '../shared/issued-identifier';
import { PersonFacts } from '../shared/person-facts';
import type { StartEmploymentDto } from './start-employment.dto';

export class StartEmploymentCommand extends IssuingCommand<StartEmploymentDto, 'employmentId'> {}

/** The ledger issues the employment ID here: the domain draws no randomness. */
@CommandHandler(StartEmploymentCommand)
export class StartEmploymentHandler implements ICommandHandler<StartEmploymentCommand> {
  constructor(private readonly facts: PersonFacts) {}

  execute(command: StartEmploymentCommand): Promise<RecordedWith<'employmentId'>> {
    const { employer, occupation, sector, date } = command.body;
    return recordIssuing(this.facts, command, 'employmentId', (employmentId) => ({
      type: 'StartEmployment',
      data: { employmentId, employer, occupation, sector, date },
    }));
  }
}
