import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordsFact } from '../shared/records-fact.decorator';
import { MarriageIdPipe } from './marriage-id.pipe';
import { RegisterDivorceDto } from './register-divorce.dto';
import { RegisterDivorceCommand } from './register-divorce.handler';
import { RecordedMarriageFactDto } from '../register-marriage/recorded-marriage.dto';

@ApiTags('vital events')
@Controller('v1/marriages')
export class RegisterDivorceController {
  constructor(private readonly commands: CommandBus) {}

  /** Registers the divorce that ends a current marriage, in both spouses' streams. */
  @ApiCreatedResponse({ type: RecordedMarriageFactDto })
  @RecordsFact(':marriageId/divorce', 'registrar')
  register(@Param('marriageId', MarriageIdPipe) marriageId: string, @Body() body: RegisterDivorceDto, @SenderOf() sender: CommandContext) {
    return this.commands.execute(new RegisterDivorceCommand(marriageId, body, sender));
  }
}
