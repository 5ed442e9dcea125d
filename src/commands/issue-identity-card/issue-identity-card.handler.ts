import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../http/problem';
import type { CommandContext } from '../shared/command-context';
import { issueIdentifier } from '../shared/issued-identifier';
import { PersonFacts, type RecordedFact } from '../shared/person-facts';
import { recordPersonFact } from '../shared/record-person-fact';
import type { IssueIdentityCardDto } from './issue-identity-card.dto';

export type IdentityCardIssuedResult = RecordedFact & { cardNumber: string };

export class IssueIdentityCardCommand extends Command<IdentityCardIssuedResult> {
  constructor(
    readonly nationalId: string,
    readonly body: IssueIdentityCardDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The ledger issues the card number here; the issuing office is the sender's, from its credential. */
@CommandHandler(IssueIdentityCardCommand)
export class IssueIdentityCardHandler implements ICommandHandler<IssueIdentityCardCommand> {
  constructor(private readonly facts: PersonFacts) {}

  async execute({ nationalId, body, context }: IssueIdentityCardCommand): Promise<IdentityCardIssuedResult> {
    const office = context.agency.office;
    if (office === undefined) {
      throw ProblemException.of(403, 'CARD.NO_OFFICE', 'No issuing office', 'A card is issued by a registration office; this credential names none.');
    }
    const cardNumber = issueIdentifier(context, `card of ${nationalId}`);
    const data = { cardNumber, date: body.date, expiresOn: body.expiresOn, office };
    const recorded = await recordPersonFact(this.facts, nationalId, { type: 'IssueIdentityCard', data }, context);
    return { ...recorded, cardNumber };
  }
}
