import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { RegisterMarriageDto } from './register-marriage.dto';
import { RegisterMarriageCommand } from './register-marriage.handler';
import { RecordedMarriageFactDto } from './recorded-marriage.dto';

@ApiTags('vital events')
@Controller('v1')
export class RegisterMarriageController {
  constructor(private readonly commands: CommandBus) {}

  /** Registers a marriage in both spouses' streams and issues its marriage ID. */
  @ApiCreatedResponse({ type: RecordedMarriageFactDto })
  @RecordsFact('marriages', 'registrar')
  register(@Body() body: RegisterMarriageDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new RegisterMarriageCommand(body, sender));
  }
}
