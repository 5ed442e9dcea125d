import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordPersonFactCommand } from '../shared/record-person-fact';
import { RecordedFactDto } from '../shared/recorded-fact.dto';
import { RecordsFact } from '../shared/records-fact.decorator';
import { ReportIdentityCardDto } from './report-identity-card.dto';

@ApiCreatedResponse({ type: RecordedFactDto })
@ApiTags('identity cards')
@Controller('v1/persons')
export class ReportIdentityCardController {
  constructor(private readonly commands: CommandBus) {}

  /** The card stops being valid; a replacement is a new issue. Unknown card: 404; reported twice: 422. */
  @RecordsFact(':nid/cards/:cardNumber/report', 'registrar')
  report(
    @Param('nid', NationalIdPipe) nid: string,
    @Param('cardNumber') cardNumber: string,
    @Body() body: ReportIdentityCardDto,
    @SenderOf() sender: CommandContext,
  ) {
    const data = { cardNumber, reason: body.reason, date: body.date };
    return this.commands.execute(new RecordPersonFactCommand(nid, { type: 'ReportIdentityCard', data }, sender));
  }
}
