import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { RegisterBirthDto } from './register-birth.dto';
import { RegisterBirthCommand } from './register-birth.handler';

@ApiTags('vital events')
@Controller('v1')
export class RegisterBirthController {
  constructor(private readonly commands: CommandBus) {}

  /** Registers a birth and issues the child's national ID. */
  @RecordsFact('births', 'registrar')
  register(@Body() body: RegisterBirthDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new RegisterBirthCommand(body, sender));
  }
}
