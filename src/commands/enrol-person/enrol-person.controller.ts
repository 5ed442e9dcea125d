import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { EnrolPersonDto } from './enrol-person.dto';
import { EnrolPersonCommand } from './enrol-person.handler';

@ApiTags('vital events')
@Controller('v1')
export class EnrolPersonController {
  constructor(private readonly commands: CommandBus) {}

  /** Enrols a person already alive: from a legacy register, a residence permit, or never registered. */
  @RecordsFact('enrolments', 'registrar')
  enrol(@Body() body: EnrolPersonDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new EnrolPersonCommand(body, sender));
  }
}
