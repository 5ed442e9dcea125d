import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { IdentityCardIssuedDto, IssueIdentityCardDto } from './issue-identity-card.dto';
import { IssueIdentityCardCommand } from './issue-identity-card.handler';

@ApiTags('identity cards')
@Controller('v1/persons')
export class IssueIdentityCardController {
  constructor(private readonly commands: CommandBus) {}

  /** At most one valid card at a time, never to a deceased person (422). */
  @RecordsFact(':nid/cards', 'registrar')
  @ApiCreatedResponse({ type: IdentityCardIssuedDto })
  issue(@Param('nid', NationalIdPipe) nid: string, @Body() body: IssueIdentityCardDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new IssueIdentityCardCommand(nid, body, sender));
  }
}
