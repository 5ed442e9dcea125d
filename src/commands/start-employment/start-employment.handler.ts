import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../shared/command-context';
import { issueIdentifier } from '../shared/issued-identifier';
import { PersonFacts, type RecordedFact } from '../shared/person-facts';
import { recordPersonFact } from '../shared/record-person-fact';
import type { StartEmploymentDto } from './start-employment.dto';

export type EmploymentStartedResult = RecordedFact & { employmentId: string };

export class StartEmploymentCommand extends Command<EmploymentStartedResult> {
  constructor(
    readonly nationalId: string,
    readonly body: StartEmploymentDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The ledger issues the employment ID here: the domain draws no randomness. */
@CommandHandler(StartEmploymentCommand)
export class StartEmploymentHandler implements ICommandHandler<StartEmploymentCommand> {
  constructor(private readonly facts: PersonFacts) {}

  async execute({ nationalId, body, context }: StartEmploymentCommand): Promise<EmploymentStartedResult> {
    const employmentId = issueIdentifier(context, `employment of ${nationalId}`);
    const { employer, occupation, sector, date } = body;
    const data = { employmentId, employer, occupation, sector, date };
    const recorded = await recordPersonFact(this.facts, nationalId, { type: 'StartEmployment', data }, context);
    return { ...recorded, employmentId };
  }
}
