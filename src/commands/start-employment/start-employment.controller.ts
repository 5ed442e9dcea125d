import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { EmploymentStartedDto, StartEmploymentDto } from './start-employment.dto';
import { StartEmploymentCommand } from './start-employment.handler';

@ApiTags('education and employment')
@Controller('v1/persons')
export class StartEmploymentController {
  constructor(private readonly commands: CommandBus) {}

  @RecordsFact(':nid/employments', 'registrar')
  @ApiCreatedResponse({ type: EmploymentStartedDto })
  start(@Param('nid', NationalIdPipe) nid: string, @Body() body: StartEmploymentDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new StartEmploymentCommand(nid, body, sender));
  }
}
