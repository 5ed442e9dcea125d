import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { CorrectRecordDto } from './correct-record.dto';
import { CorrectRecordCommand } from './correct-record.handler';
import { RecordedAmendmentDto } from '../shared/recorded-amendment.dto';

@ApiTags('amendments')
@Controller('v1/persons')
export class CorrectRecordController {
  constructor(private readonly commands: CommandBus) {}

  /** Corrects an earlier fact; a marriage or divorce is corrected in both spouses' streams. */
  @ApiCreatedResponse({ type: RecordedAmendmentDto })
  @RecordsFact(':nid/corrections', 'supervisor')
  correct(@Param('nid', NationalIdPipe) nid: string, @Body() body: CorrectRecordDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new CorrectRecordCommand(nid, body, sender));
  }
}
