import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { NationalIdPipe } from '../../http/national-id.pipe';
import { SenderOf, type CommandContext } from '../shared/command-context';
import { RecordPersonFactCommand, type PersonFact } from '../shared/record-person-fact';
import { RecordedFactDto } from '../shared/recorded-fact.dto';
import { RecordsFact } from '../shared/records-fact.decorator';
import {
  ChangeNameDto,
  ChangeResidenceDto,
  GrantNationalityDto,
  RecordEmigrationDto,
  RecordImmigrationDto,
} from './change-status.dto';

/** The other changes of status: five routes, one path to the ledger (RecordPersonFactCommand). */
@ApiCreatedResponse({ type: RecordedFactDto })
@ApiTags('changes of status')
@Controller('v1/persons')
export class ChangeStatusController {
  constructor(private readonly commands: CommandBus) {}

  @RecordsFact(':nid/name-changes', 'registrar')
  changeName(@Param('nid', NationalIdPipe) nid: string, @Body() body: ChangeNameDto, @SenderOf() sender: CommandContext) {
    const { name, reason, authorityReference, date } = body;
    return this.record(nid, { type: 'ChangeName', data: { name: { ...name }, reason, authorityReference, date } }, sender);
  }

  /** Within the office's jurisdiction: the new residence must lie in the office's area. */
  @RecordsFact(':nid/residence-changes', 'registrar')
  changeResidence(@Param('nid', NationalIdPipe) nid: string, @Body() body: ChangeResidenceDto, @SenderOf() sender: CommandContext) {
    return this.record(nid, { type: 'ChangeResidence', data: { area: body.area, date: body.date } }, sender);
  }

  @RecordsFact(':nid/emigrations', 'registrar')
  emigrate(@Param('nid', NationalIdPipe) nid: string, @Body() body: RecordEmigrationDto, @SenderOf() sender: CommandContext) {
    return this.record(nid, { type: 'RecordEmigration', data: { country: body.country, date: body.date } }, sender);
  }

  @RecordsFact(':nid/immigrations', 'registrar')
  immigrate(@Param('nid', NationalIdPipe) nid: string, @Body() body: RecordImmigrationDto, @SenderOf() sender: CommandContext) {
    const { country, area, date } = body;
    return this.record(nid, { type: 'RecordImmigration', data: { country, area, date } }, sender);
  }

  @RecordsFact(':nid/nationality-grants', 'registrar')
  grantNationality(@Param('nid', NationalIdPipe) nid: string, @Body() body: GrantNationalityDto, @SenderOf() sender: CommandContext) {
    const { nationality, decisionReference, date } = body;
    return this.record(nid, { type: 'GrantNationality', data: { nationality, decisionReference, date } }, sender);
  }

  private record(nid: string, fact: PersonFact, sender: CommandContext) {
    return this.commands.execute(new RecordPersonFactCommand(nid, fact, sender));
  }
}
