import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordPersonFactCommand } from '../shared/record-person-fact';
import { RecordedFactDto } from '../shared/recorded-fact.dto';
import { RecordsFact } from '../shared/records-fact.decorator';
import { RecordEducationDto } from './record-education.dto';

@ApiCreatedResponse({ type: RecordedFactDto })
@ApiTags('education and employment')
@Controller('v1/persons')
export class RecordEducationController {
  constructor(private readonly commands: CommandBus) {}

  /** Enrolment in, completion of, or leaving an ISCED 2011 level of education. */
  @RecordsFact(':nid/education', 'registrar')
  record(@Param('nid', NationalIdPipe) nid: string, @Body() body: RecordEducationDto, @SenderOf() sender: CommandContext) {
    const { level, institution, field, status, date } = body;
    const data = { level, institution, ...(field !== undefined ? { field } : {}), status, date };
    return this.commands.execute(new RecordPersonFactCommand(nid, { type: 'RecordEducation', data }, sender));
  }
}
