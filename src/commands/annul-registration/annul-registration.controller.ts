import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { AnnulRegistrationDto } from './annul-registration.dto';
import { AnnulRegistrationCommand } from './annul-registration.handler';
import { RecordedAmendmentDto } from '../shared/recorded-amendment.dto';

@ApiTags('amendments')
@Controller('v1/persons')
export class AnnulRegistrationController {
  constructor(private readonly commands: CommandBus) {}

  /** Annuls an earlier fact by court order; a marriage or divorce is annulled in both spouses' streams. */
  @ApiCreatedResponse({ type: RecordedAmendmentDto })
  @RecordsFact(':nid/annulments', 'supervisor')
  annul(@Param('nid', NationalIdPipe) nid: string, @Body() body: AnnulRegistrationDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new AnnulRegistrationCommand(nid, body, sender));
  }
}
