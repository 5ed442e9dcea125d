import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordPersonFactCommand } from '../shared/record-person-fact';
import { RecordedFactDto } from '../shared/recorded-fact.dto';
import { RecordsFact } from '../shared/records-fact.decorator';
import { EndEmploymentDto } from './end-employment.dto';

@ApiCreatedResponse({ type: RecordedFactDto })
@ApiTags('education and employment')
@Controller('v1/persons')
export class EndEmploymentController {
  constructor(private readonly commands: CommandBus) {}

  /** The employment must exist (404) and be open, ending on or after it began (422). */
  @RecordsFact(':nid/employments/:employmentId/end', 'registrar')
  end(
    @Param('nid', NationalIdPipe) nid: string,
    @Param('employmentId') employmentId: string,
    @Body() body: EndEmploymentDto,
    @SenderOf() sender: CommandContext,
  ) {
    const data = { employmentId, date: body.date, reason: body.reason };
    return this.commands.execute(new RecordPersonFactCommand(nid, { type: 'EndEmployment', data }, sender));
  }
}
