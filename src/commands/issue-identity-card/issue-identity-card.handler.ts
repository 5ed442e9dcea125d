import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '../../http/problem';
import { IssuingCommand, recordIssuing, type RecordedWith } from '../shared/issued-identifier';
import { PersonFacts } from '../shared/person-facts';
import type { IssueIdentityCardDto } from './issue-identity-card.dto';

export class IssueIdentityCardCommand extends IssuingCommand<IssueIdentityCardDto, 'cardNumber'> {}

/** The ledger issues the card number here; the issuing office is the sender's, from its credential. */
@CommandHandler(IssueIdentityCardCommand)
export class IssueIdentityCardHandler implements ICommandHandler<IssueIdentityCardCommand> {
  constructor(private readonly facts: PersonFacts) {}

  execute(command: IssueIdentityCardCommand): Promise<RecordedWith<'cardNumber'>> {
    const office = command.context.agency.office;
    if (office === undefined) {
      throw ProblemException.of(403, 'CARD.NO_OFFICE', 'No issuing office', 'A card is issued by a registration office; this credential names none.');
    }
    const { date, expiresOn } = command.body;
    return recordIssuing(this.facts, command, 'cardNumber', (cardNumber) => ({
      type: 'IssueIdentityCard',
      data: { cardNumber, date, expiresOn, office },
    }));
  }
}
