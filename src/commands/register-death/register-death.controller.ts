import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { RegisterDeathDto } from './register-death.dto';
import { RegisterDeathCommand } from './register-death.handler';

@ApiTags('vital events')
@Controller('v1/persons')
export class RegisterDeathController {
  constructor(private readonly commands: CommandBus) {}

  @RecordsFact(':nid/death', 'registrar')
  register(@Param('nid', NationalIdPipe) nid: string, @Body() body: RegisterDeathDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new RegisterDeathCommand(nid, body, sender));
  }
}
